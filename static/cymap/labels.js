/*
 * cymap seat labels on Leaflet maps: created from compact rows, thinned so that no two names
 * print over each other.
 *
 * cymapLabels.add(group, rows, priority) puts the labels of `rows` ([lat, lon, name, classes],
 * in priority order) into the Leaflet layer `group`. Labels of class "county" are created the
 * first time the map reaches zoom 9 (CSS shows them from there on).
 *
 * Thinning keeps a label unless it overlaps one kept before it: all label layers of one map
 * are thinned together in one pass, layers of lower `priority` first (a page's own labels, 0,
 * before the basemap's, 1), rows in their given order within a layer. The pass measures the
 * labels as drawn, so it runs again whenever what it measured can change:
 *   - after every zoom, resize or view reset of the map, and when a label layer is added or
 *     removed;
 *   - when the map container or any label changes size (a web font arriving, the frame laid out);
 *   - when a stylesheet of the page finishes loading (Leaflet's own stylesheet positions the
 *     labels; until it applies, every label sits in the document flow), when fonts finish
 *     loading and when the document's load completes.
 * While the layout is not usable (Leaflet's stylesheet not applied, the frame not laid out) the
 * pass waits for one of those events instead of measuring.
 *
 * The map container carries data-cy-labels="done" once a pass ran on the final layout (fonts
 * loaded, document complete), "pending" while a pass is due or the layout is not final. window.cymapLabelThinning = false switches the
 * hiding off (every label shown; for diagnosis and to show the tests can fail).
 */
(function () {
  "use strict";

  var COUNTY_ZOOM = 9;

  function thinningOn() {
    return window.cymapLabelThinning !== false;
  }

  function leafletStyled(map) {
    var pane = map.getPane("markerPane");
    return !!pane && window.getComputedStyle(pane).position === "absolute";
  }

  function documentSettled() {
    var fontsDone = !document.fonts || document.fonts.status === "loaded";
    return fontsDone && document.readyState === "complete";
  }

  function overlaps(a, b) {
    return a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
  }

  /* The labels of one map and the events that make it thin them again. */
  function registryOf(map) {
    if (map._cymapLabels) {
      return map._cymapLabels;
    }
    var reg = { layers: [], queued: false, sizes: null };
    map._cymapLabels = reg;
    var again = function () {
      schedule(map);
    };
    map.on("zoomend resize viewreset", again);
    if (window.ResizeObserver) {
      reg.sizes = new ResizeObserver(again);
      reg.sizes.observe(map.getContainer());
    }
    if (document.fonts) {
      document.fonts.ready.then(again);
      document.fonts.addEventListener("loading", again);
      document.fonts.addEventListener("loadingdone", again);
    }
    if (document.readyState !== "complete") {
      window.addEventListener("load", again);
    }
    watchStylesheets(again);
    map.getContainer().setAttribute("data-cy-labels", "pending");
    return reg;
  }

  /* Run `again` when each stylesheet of the page that is still loading has loaded. */
  function watchStylesheets(again) {
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    for (var i = 0; i < links.length; i++) {
      if (!links[i].sheet) {
        links[i].addEventListener("load", again);
      }
    }
    if (window.MutationObserver) {
      new MutationObserver(function (records) {
        records.forEach(function (record) {
          record.addedNodes.forEach(function (node) {
            if (node.tagName === "LINK") {
              node.addEventListener("load", again);
            }
          });
        });
      }).observe(document.head, { childList: true });
    }
  }

  function schedule(map) {
    var reg = map._cymapLabels;
    if (!reg || reg.queued) {
      return;
    }
    reg.queued = true;
    map.getContainer().setAttribute("data-cy-labels", "pending");
    window.requestAnimationFrame(function () {
      reg.queued = false;
      thin(map);
    });
  }

  /* One pass over every label of the map: show it, or hide it if it overlaps a kept one. */
  function thin(map) {
    var reg = map._cymapLabels;
    var container = map.getContainer();
    if (!leafletStyled(map)) {
      container.setAttribute("data-cy-labels", "pending");
      return; // a stylesheet load, resize or the document's load event brings us back
    }
    var on = thinningOn();
    var kept = [];
    var measured = 0;
    var total = 0;
    reg.layers.forEach(function (layer) {
      layer.markers.forEach(function (marker) {
        var icon = marker.getElement();
        var span = icon && icon.firstChild;
        if (!span) {
          return;
        }
        span.style.visibility = "";
        total++;
        var box = span.getBoundingClientRect();
        if (!box.width) {
          return; // hidden by CSS at this zoom, or the frame is not laid out yet
        }
        measured++;
        if (!on) {
          return;
        }
        for (var i = 0; i < kept.length; i++) {
          if (overlaps(box, kept[i])) {
            span.style.visibility = "hidden";
            return;
          }
        }
        kept.push(box);
      });
    });
    var usable = measured > 0 || total === 0;
    container.setAttribute("data-cy-labels", usable && documentSettled() ? "done" : "pending");
  }

  function makeMarker(group, row, index, reg) {
    var marker = L.marker([row[0], row[1]], {
      interactive: false,
      keyboard: false,
      icon: L.divIcon({
        className: "",
        iconSize: null,
        html: '<span class="cy-label ' + row[3] + '">' + row[2] + "</span>",
      }),
    }).addTo(group);
    marker._cyIndex = index;
    var span = marker.getElement() && marker.getElement().firstChild;
    if (span && reg && reg.sizes) {
      reg.sizes.observe(span);
    }
    return marker;
  }

  function add(group, rows, priority) {
    var layer = { priority: priority, markers: [] };
    var lazy = [];
    var countiesMade = false;
    var map = null;

    function mapOf() {
      return group.getZoom ? group : group._map;
    }

    function makeCounties() {
      if (countiesMade || !map || map.getZoom() < COUNTY_ZOOM) {
        return;
      }
      countiesMade = true;
      lazy.forEach(function (item) {
        layer.markers.push(makeMarker(group, item[0], item[1], map._cymapLabels));
      });
      layer.markers.sort(function (a, b) {
        return a._cyIndex - b._cyIndex;
      });
    }

    function onZoom() {
      makeCounties();
    }

    function hook() {
      var m = mapOf();
      if (!m || map) {
        return;
      }
      map = m;
      var reg = registryOf(map);
      layer.markers.forEach(function (marker) {
        var span = marker.getElement() && marker.getElement().firstChild;
        if (span && reg.sizes) {
          reg.sizes.observe(span);
        }
      });
      reg.layers.push(layer);
      reg.layers.sort(function (a, b) {
        return a.priority - b.priority;
      });
      map.on("zoomend", onZoom);
      makeCounties();
      schedule(map);
    }

    function unhook() {
      if (!map) {
        return;
      }
      var reg = map._cymapLabels;
      reg.layers = reg.layers.filter(function (l) {
        return l !== layer;
      });
      map.off("zoomend", onZoom);
      schedule(map);
      map = null;
    }

    rows.forEach(function (row, index) {
      if (row[3].indexOf("county") === 0) {
        lazy.push([row, index]);
      } else {
        layer.markers.push(makeMarker(group, row, index, null));
      }
    });
    group.on("add", hook);
    group.on("remove", unhook);
    if (mapOf()) {
      hook();
    }
  }

  window.cymapLabels = { add: add };
})();
