/*
 * cymap map layers and controls on Leaflet maps, created from the compact data the pages send.
 *
 * cymapMap.units(group, styles, precision, units): unit polygons. Each unit is
 *   [style index, tooltip html, adcode, polygons]; a polygon is a list of rings, each ring
 *   polyline-encoded (lat, lon order) at `precision` decimals, with "!" standing for "{".
 * cymapMap.features(group, styles, interactive, geojson): GeoJSON features, each with
 *   properties.s (style index) and properties.t (tooltip html, optional).
 * cymapMap.legend(map, html): the legend box in the lower left.
 * cymapMap.zoomClass(map): a cy-zoom-N class on the map container, so CSS can depend on zoom.
 */
(function () {
  "use strict";

  /* One polyline-encoded ring as [[lat, lon], ...]. */
  function decodeRing(text, scale) {
    var points = [];
    var index = 0;
    var lat = 0;
    var lon = 0;
    function code(i) {
      var c = text.charCodeAt(i);
      return (c === 33 ? 123 : c) - 63; // "!" stands for "{"
    }
    function next() {
      var result = 0;
      var shift = 0;
      var b;
      do {
        b = code(index++);
        result |= (b & 31) << shift;
        shift += 5;
      } while (b >= 32);
      return result & 1 ? ~(result >> 1) : result >> 1;
    }
    while (index < text.length) {
      lat += next();
      lon += next();
      points.push([lat / scale, lon / scale]);
    }
    return points;
  }

  function units(group, styles, precision, data) {
    var scale = Math.pow(10, precision);
    data.forEach(function (unit) {
      var style = styles[unit[0]];
      var rings = unit[3].map(function (polygon) {
        return polygon.map(function (ring) {
          return decodeRing(ring, scale);
        });
      });
      var layer = L.polygon(rings, style);
      if (unit[1]) {
        layer.bindTooltip(unit[1], { sticky: true });
      }
      layer.on("mouseover", function () {
        layer.setStyle({ weight: 2.5, color: "#333" });
      });
      layer.on("mouseout", function () {
        layer.setStyle(style);
      });
      layer.addTo(group);
    });
  }

  function features(group, styles, interactive, geojson) {
    L.geoJson(geojson, {
      interactive: interactive,
      style: function (feature) {
        return styles[feature.properties.s];
      },
      onEachFeature: function (feature, layer) {
        if (feature.properties.t) {
          layer.bindTooltip(feature.properties.t, { sticky: true });
        }
      },
    }).addTo(group);
  }

  function legend(map, html) {
    var control = L.control({ position: "bottomleft" });
    control.onAdd = function () {
      var box = L.DomUtil.create("div", "cy-legend");
      box.innerHTML = html;
      return box;
    };
    control.addTo(map);
  }

  function zoomClass(map) {
    function update() {
      var container = map.getContainer();
      container.className =
        container.className.replace(/\bcy-zoom-\d+\b/g, "") + " cy-zoom-" + map.getZoom();
    }
    map.on("zoomend", update);
    update();
  }

  window.cymapMap = { units: units, features: features, legend: legend, zoomClass: zoomClass };
})();
