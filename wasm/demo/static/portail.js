// The partner portal's own script: it listens to the widgets' events.
"use strict";
(function () {
  var etat = document.getElementById("resultat-etat");
  var sortie = document.getElementById("resultat-json");
  var orientation = document.getElementById("resultat-orientation");
  window.spieReceived = [];
  document.addEventListener("spie:submit", function (e) {
    window.spieReceived.push(e.detail);
    etat.textContent = "Document « " + e.detail.widget + " » reçu et validé par les règles du socle.";
    sortie.textContent = JSON.stringify(e.detail.document, null, 2);
    orientation.textContent = "";
    var r = e.detail.result;
    if (r && r.libelle) {
      var p = document.createElement("p");
      p.textContent = "Orientation proposée : " + r.libelle + (r.raisons && r.raisons.length ? " — " + r.raisons.join(" ; ") : "");
      orientation.appendChild(p);
    }
  });
  document.addEventListener("spie:error", function (e) {
    var n = (e.detail.faults || []).length;
    etat.textContent = "Envoi refusé par le widget « " + (e.detail.widget || "?") + " » : " + n + " erreur(s) à corriger.";
  });
})();
