// spie-boot.js starts the widgets' WebAssembly module in the widget page.
"use strict";
(function () {
  var script = document.currentScript;
  var url = script.getAttribute("data-wasm");
  var go = new Go();
  var started = WebAssembly.instantiateStreaming
    ? WebAssembly.instantiateStreaming(fetch(url), go.importObject)
    : fetch(url)
        .then(function (r) { return r.arrayBuffer(); })
        .then(function (b) { return WebAssembly.instantiate(b, go.importObject); });
  started
    .then(function (r) {
      performance.mark("spie-wasm-compiled");
      go.run(r.instance);
    })
    .catch(function (err) {
      var el = document.getElementById("spie-loading");
      if (el) {
        el.textContent = "Le module n'a pas pu être chargé. Rechargez la page ou réessayez plus tard.";
      }
      console.error("spie : chargement du module WebAssembly impossible", err);
    });
})();
