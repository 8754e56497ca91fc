// spie-boot.js starts the widgets' WebAssembly module in the widget page.
"use strict";
(function () {
  var script = document.currentScript;
  var url = script.getAttribute("data-wasm");
  // Fault posted to the partner page when the module cannot be loaded; its
  // code and texts are defined in Go (wasm/widget: FaultModule).
  var FAULT_MODULE = {
    code: "WIDGET-CHARGEMENT-03",
    path: "",
    message: "le module WebAssembly du widget n'a pas pu être chargé",
    message_en: "the widget's WebAssembly module could not be loaded",
    severity: "error",
  };

  // tellParent posts spie:error to the embedding page, only to the origin
  // the loader claimed (?parent=) when the server allows it (the page's
  // spie-allowed-origins, or the widget's own origin): the browser delivers
  // it only if the parent really has that origin. The message carries no
  // data, only the fault.
  function tellParent() {
    if (!window.parent || window.parent === window) {
      return;
    }
    var claimed;
    try {
      claimed = new URL(new URL(location.href).searchParams.get("parent") || "").origin;
    } catch (e) {
      return;
    }
    var meta = document.querySelector('meta[name="spie-allowed-origins"]');
    var allowed = (meta ? meta.getAttribute("content") : "").split(/\s+/);
    allowed.push(location.origin);
    if (allowed.indexOf(claimed) < 0) {
      return;
    }
    var widget = document.querySelector('meta[name="spie-widget"]');
    window.parent.postMessage({ spie: 1, type: "spie:error", widget: widget ? widget.getAttribute("content") : "", faults: [FAULT_MODULE] }, claimed);
  }

  // fetchCommunes fetches the table of communes, for the widgets that check
  // communes (data-communes: its content-addressed name, cached for a
  // year). It starts once the module is downloaded and compiled, while Go
  // starts: on a slow link the module has the bandwidth to itself, and
  // the widget is ready without the table. The module takes the bytes from
  // window.spieCommunes (a promise of a Uint8Array) and checks them; when
  // the table cannot be fetched, the widget says so (WIDGET-CHARGEMENT-07)
  // and posts spie:error.
  function fetchCommunes() {
    var communes = script.getAttribute("data-communes");
    if (!communes) {
      return;
    }
    window.spieCommunes = fetch(communes)
      .then(function (r) {
        if (!r.ok) {
          throw new Error("HTTP " + r.status);
        }
        return r.arrayBuffer();
      })
      .then(function (b) {
        performance.mark("spie-communes");
        return new Uint8Array(b);
      });
    window.spieCommunes.catch(function () {}); // reported by the module
  }

  var go = new Go();
  var started = WebAssembly.instantiateStreaming
    ? WebAssembly.instantiateStreaming(fetch(url), go.importObject)
    : fetch(url)
        .then(function (r) { return r.arrayBuffer(); })
        .then(function (b) { return WebAssembly.instantiate(b, go.importObject); });
  started
    .then(function (r) {
      performance.mark("spie-wasm-compiled");
      fetchCommunes();
      go.run(r.instance);
    })
    .catch(function (err) {
      var en = new URL(location.href).searchParams.get("lang") === "en";
      var el = document.getElementById("spie-loading");
      if (el) {
        el.textContent = en
          ? "The module could not be loaded. Reload the page or try again later."
          : "Le module n'a pas pu être chargé. Rechargez la page ou réessayez plus tard.";
      }
      tellParent();
      // The developer console says the fault in the page's language.
      console.error(en ? "spie: " + FAULT_MODULE.message_en : "spie : " + FAULT_MODULE.message, err);
    });
})();
