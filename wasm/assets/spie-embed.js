/*
 * spie-embed.js — loader of the SPIE (Service public de l'insertion et de
 * l'emploi) widgets for partner portals.
 *
 *   <script src="https://widgets.example.fr/spie/spie-embed.js" defer></script>
 *   <div data-spie-widget="diagnostic" data-spie-role="professionnel"></div>
 *
 * or from a script:
 *
 *   const w = SPIE.mount(document.getElementById("diag"), {
 *     widget: "diagnostic",            // diagnostic | offre | prescription | carnet | indicateurs
 *     origin: "https://widgets.example.fr", // origin serving the widgets (default: this script's)
 *     base: "/spie/",                  // path of the widgets on that origin (default: this script's)
 *     lang: "fr",
 *     role: "professionnel",           // rights of the viewer (carnet)
 *     data: {...},                     // prefill: what the partner already knows
 *     timeout: 20000,                  // ms before spie:error when the widget does not start
 *   });
 *   el.addEventListener("spie:submit", (e) => save(e.detail.document));
 *   w.outcome(sent);                   // tells the widget what the partner's server did
 *
 * For the offre widget, data.catalogue may be a URL: the loader fetches it
 * on the partner page (the widget page's CSP allows no other origin) and
 * sends the catalogue it reads.
 *
 * The widget runs in an iframe (go-app owns its whole page). Both sides
 * exchange postMessage messages {spie: 1, type, widget, ...} and ignore any
 * message whose origin is not the expected one. Events dispatched on the
 * element: spie:ready, spie:change, spie:submit, spie:error (detail holds the
 * document, or the faults).
 */
(function (global) {
  "use strict";

  var WIDGETS = ["diagnostic", "offre", "prescription", "carnet", "indicateurs"];
  var TITLES = {
    diagnostic: "Diagnostic socio-professionnel",
    offre: "Offre d'insertion",
    prescription: "Prescription",
    carnet: "Carnet de bord",
    indicateurs: "Indicateurs",
  };
  // The frames' titles when the partner asks for English (lang: "en"): the
  // widgets' English labels (wasm/manifest).
  var TITLES_EN = {
    diagnostic: "Socio-professional assessment",
    offre: "Support offer",
    prescription: "Referral",
    carnet: "Logbook",
    indicateurs: "Indicators",
  };

  // MESSAGES is the one table of what the loader says: the faults it
  // reports itself in spie:error, French first (message) and English
  // (message_en). Their codes and texts are defined in Go (wasm/widget:
  // FaultLoad, FaultWidget, FaultOrigin, FaultPrefill); a test
  // checks that this file says the same. When the widget page is there but
  // its module fails, the page itself posts WIDGET-CHARGEMENT-03
  // (spie-boot.js) before the timeout; a catalogue the loader cannot read
  // is handed to the widget as its address, and the widget reports it
  // (WIDGET-CHARGEMENT-02). The developer console gets the
  // message of each fault in the embed's language (lang: "en" for English).
  var MESSAGES = {
    load: {
      code: "WIDGET-CHARGEMENT-01",
      path: "",
      message: "le widget n'a pas démarré dans le délai : module WebAssembly introuvable, bloqué ou trop lent",
      message_en: "the widget did not start in time: WebAssembly module missing, blocked or too slow",
      severity: "error",
    },
    widget: {
      code: "WIDGET-CHARGEMENT-04",
      path: "/widget",
      message: "widget inconnu : le nom donné n'est pas celui d'un widget du socle (SPIE.widgets)",
      message_en: "unknown widget: the name given is not one of socle's widgets (SPIE.widgets)",
      severity: "error",
    },
    origin: {
      code: "WIDGET-CHARGEMENT-05",
      path: "/origin",
      message: "origine des widgets invalide : une adresse absolue est attendue, par exemple https://widgets.example.fr",
      message_en: "invalid origin of the widgets: an absolute address is expected, for instance https://widgets.example.fr",
      severity: "error",
    },
    prefill: {
      code: "WIDGET-CHARGEMENT-06",
      path: "/data",
      message: "données de préremplissage illisibles : l'élément nommé par data-spie-data est absent ou ne contient pas de JSON",
      message_en: "unreadable prefill data: the element named by data-spie-data is missing or does not hold JSON",
      severity: "error",
    },
  };
  var DEFAULT_TIMEOUT = 20000;

  var here = document.currentScript ? new URL(document.currentScript.src, location.href) : null;

  function defaults() {
    if (!here) {
      return { origin: location.origin, base: "/" };
    }
    return { origin: here.origin, base: here.pathname.replace(/[^/]*$/, "") };
  }

  // fail dispatches spie:error on el with faults (from MESSAGES or the
  // widget page), its message in lang, and says it in the console; value,
  // when given, is what the partner gave that was refused.
  function fail(el, lang, widget, faults, value) {
    var text = faults.map(function (f) { return lang === "en" && f.message_en ? f.message_en : f.message; }).join(lang === "en" ? "; " : " ; ");
    el.dispatchEvent(new CustomEvent("spie:error", { bubbles: true, detail: { widget: widget, faults: faults, message: text } }));
    if (global.console) {
      var args = ["spie-embed" + (lang === "en" ? ": " : " : ") + text];
      if (value !== undefined) {
        args.push(value);
      }
      console.warn.apply(console, args);
    }
  }

  function mount(el, options) {
    var o = Object.assign({}, defaults(), options || {});
    if (WIDGETS.indexOf(o.widget) < 0) {
      fail(el, o.lang, o.widget, [MESSAGES.widget], o.widget);
      return null;
    }
    var origin;
    try {
      origin = new URL(o.origin).origin;
    } catch (e) {
      fail(el, o.lang, o.widget, [MESSAGES.origin], o.origin);
      return null;
    }
    var base = o.base.charAt(o.base.length - 1) === "/" ? o.base : o.base + "/";
    var src = new URL(base + o.widget + ".html", origin);
    src.searchParams.set("parent", location.origin);
    if (o.lang) {
      src.searchParams.set("lang", o.lang);
    }

    var frame = document.createElement("iframe");
    frame.className = "spie-frame";
    frame.title = o.title || (o.lang === "en" ? TITLES_EN : TITLES)[o.widget];
    frame.setAttribute("loading", "eager");
    frame.src = src.href;
    frame.style.width = "100%";
    frame.style.border = "0";
    frame.style.minHeight = "12rem";

    var ready = false;
    function post(type, payload) {
      var msg = Object.assign({ spie: 1, type: type, widget: o.widget }, payload || {});
      frame.contentWindow.postMessage(msg, origin);
    }
    // The widget must say spie:ready within the timeout; otherwise the
    // partner page gets spie:error (the module failed to load).
    var timeout = Number(o.timeout) > 0 ? Number(o.timeout) : DEFAULT_TIMEOUT;
    var timer = setTimeout(function () {
      if (!ready) {
        fail(el, o.lang, o.widget, [MESSAGES.load]);
      }
    }, timeout);
    // data, with a catalogue given by URL fetched here, on the partner
    // page; sent once both the widget and the data are ready.
    var pending = null;
    var resolved = false;
    var generation = 0;
    function resolve(data) {
      var g = ++generation;
      pending = null;
      resolved = false;
      if (o.widget === "offre" && data && typeof data.catalogue === "string") {
        // A catalogue the loader cannot read (no answer within the
        // timeout, an error, not JSON, another origin without CORS) is
        // handed to the widget as its address: the widget says so
        // (WIDGET-CHARGEMENT-02) and posts spie:error, as for any data it
        // refuses; a widget that never starts is reported by the timer.
        var unread = function () {
          if (g === generation) {
            pending = data;
            resolved = true;
            sendInit();
          }
        };
        var url;
        try {
          url = new URL(data.catalogue, location.href);
        } catch (e) {
          unread();
          return;
        }
        var ctl = typeof AbortController === "function" ? new AbortController() : null;
        var stop = setTimeout(function () {
          if (ctl) {
            ctl.abort();
          }
          unread();
          g = -1; // a late answer is ignored
        }, timeout);
        fetch(url.href, { credentials: "same-origin", signal: ctl ? ctl.signal : undefined })
          .then(function (r) {
            if (!r.ok) {
              throw new Error("HTTP " + r.status);
            }
            return r.json();
          })
          .then(function (catalogue) {
            clearTimeout(stop);
            if (g === generation) {
              pending = Object.assign({}, data, { catalogue: catalogue });
              resolved = true;
              sendInit();
            }
          })
          .catch(function () {
            clearTimeout(stop);
            unread();
          });
        return;
      }
      pending = data || null;
      resolved = true;
      sendInit();
    }
    function sendInit() {
      if (ready && resolved) {
        post("spie:init", { data: pending, role: o.role || "", lang: o.lang || "fr" });
      }
    }
    function onMessage(event) {
      // Only the widget's own frame, from the widget origin, is listened to.
      if (event.origin !== origin || event.source !== frame.contentWindow) {
        return;
      }
      var m = event.data;
      if (!m || m.spie !== 1 || typeof m.type !== "string") {
        return;
      }
      switch (m.type) {
        case "spie:ready":
          ready = true;
          clearTimeout(timer);
          sendInit();
          el.dispatchEvent(new CustomEvent("spie:ready", { bubbles: true, detail: { widget: o.widget } }));
          break;
        case "spie:resize":
          if (typeof m.height === "number" && m.height > 0) {
            frame.style.height = Math.ceil(m.height) + "px";
          }
          break;
        case "spie:change":
        case "spie:submit":
          var doc = null;
          try {
            doc = m.json ? JSON.parse(m.json) : null;
          } catch (e) {
            return;
          }
          el.dispatchEvent(new CustomEvent(m.type, { bubbles: true, detail: { widget: o.widget, document: doc, faults: m.faults || [], result: m.result || null } }));
          break;
        case "spie:error":
          if (!ready) {
            clearTimeout(timer); // the widget page said its module failed to load
          }
          fail(el, o.lang, o.widget, Array.isArray(m.faults) ? m.faults : []);
          break;
      }
    }
    global.addEventListener("message", onMessage);
    el.appendChild(frame);
    resolve(o.data);

    return {
      element: el,
      iframe: frame,
      /** Sends new prefill data to the widget. */
      setData: function (data) {
        o.data = data;
        resolve(data);
      },
      /**
       * Tells the widget what the partner's server did with a proposed
       * change, e.g. the prescription it sent (offer.Prescription.Send).
       */
      outcome: function (data) {
        if (ready) {
          post("spie:outcome", { data: data });
        }
      },
      /** Removes the iframe and stops listening. */
      destroy: function () {
        clearTimeout(timer);
        global.removeEventListener("message", onMessage);
        frame.remove();
      },
    };
  }

  function fromAttributes(el) {
    if (el.__spie) {
      return el.__spie;
    }
    var data = null;
    var ref = el.getAttribute("data-spie-data");
    if (ref) {
      var holder = document.getElementById(ref);
      try {
        data = JSON.parse(holder.textContent);
      } catch (e) {
        fail(el, el.getAttribute("data-spie-lang"), el.getAttribute("data-spie-widget"), [MESSAGES.prefill], ref);
      }
    }
    var o = { widget: el.getAttribute("data-spie-widget"), data: data };
    ["origin", "base", "lang", "role", "title", "timeout"].forEach(function (k) {
      var v = el.getAttribute("data-spie-" + k);
      if (v) {
        o[k] = v;
      }
    });
    el.__spie = mount(el, o);
    return el.__spie;
  }

  function mountAll(root) {
    var list = (root || document).querySelectorAll("[data-spie-widget]");
    var out = [];
    for (var i = 0; i < list.length; i++) {
      out.push(fromAttributes(list[i]));
    }
    return out;
  }

  global.SPIE = { version: "1", widgets: WIDGETS.slice(), mount: mount, mountAll: mountAll };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      mountAll();
    });
  } else {
    mountAll();
  }
})(window);
