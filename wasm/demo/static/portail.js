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
    if (r && r.operation === "envoyer") {
      envoyer(e.target, e.detail.document);
    }
    if (r && r.libelle) {
      var p = document.createElement("p");
      p.textContent = "Orientation proposée : " + r.libelle + (r.raisons && r.raisons.length ? " — " + r.raisons.join(" ; ") : "");
      orientation.appendChild(p);
    }
  });
  // The portal's server sends a proposed prescription (offer.Prescription.Send)
  // and the page tells the widget, which then shows « transmise ».
  function envoyer(host, fiche) {
    fetch("/prescriptions/envoyer", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(fiche) })
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, body: j }; }); })
      .then(function (res) {
        if (!res.ok) {
          etat.textContent = "Le serveur du portail n'a pas pu transmettre la prescription.";
          return;
        }
        etat.textContent = "Prescription transmise par le serveur du portail.";
        sortie.textContent = JSON.stringify(res.body, null, 2);
        if (host && host.__spie) {
          host.__spie.outcome(res.body);
        }
      });
  }
  document.addEventListener("spie:error", function (e) {
    var n = (e.detail.faults || []).length;
    etat.textContent = "Envoi refusé par le widget « " + (e.detail.widget || "?") + " » : " + n + " erreur(s) à corriger.";
  });
})();
