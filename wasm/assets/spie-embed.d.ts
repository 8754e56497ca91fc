// Type declarations for spie-embed.js, the loader of the SPIE widgets.

/** Name of a widget of the bundle. */
export type SpieWidget = "diagnostic" | "offre" | "prescription" | "carnet" | "indicateurs";

/** A problem found by the socle's rules (same as spie.Fault in Go). */
export interface SpieFault {
  /** Stable namespaced code, e.g. "DIAG-LOGEMENT-02". */
  code: string;
  /** JSON Pointer (RFC 6901) to the field. */
  path: string;
  /** French message. */
  message: string;
  /** English message. */
  message_en?: string;
  severity: "error" | "warning";
}

export interface SpieMountOptions {
  widget: SpieWidget;
  /** Origin serving the widgets; defaults to the origin of spie-embed.js. */
  origin?: string;
  /** Path of the widgets on that origin; defaults to the directory of spie-embed.js. */
  base?: string;
  /**
   * Language of every text the widget shows: "fr" (default) or "en". In
   * English the labels come from the definitions' English labels, the
   * messages from the faults' `message_en`, the widget's own words from its
   * FR/EN table; French terms of art stay (RSA, France Travail, Mission
   * locale, CEJ…), and so do the data's own words (names, comments). The
   * widget page's `<html lang>` and title follow, and so does the iframe's
   * default title. Faults posted to the partner (spie:error, spie:change,
   * spie:submit) carry both `message` and `message_en` whatever the language.
   */
  lang?: "fr" | "en";
  /**
   * Who views the widget, as the partner authenticated them: one of the carnet's roles
   * (SpieCarnetViewer["role"]) or "professionnel". For the diagnostic widget, "usager" opens
   * the person's mode (their own view of each thématique, then their printable summary);
   * any other role, or none, the professional's form. A carnet role sees only what the
   * carnet's rights let it read: a diagnostic it may not read (partenaire), or whose health
   * details it may not read (co-referent, coordinateur-spie, charge-orientation), is refused
   * with spie:error CARNET-DROITS-02 and nothing is shown; an unknown role, CARNET-DROITS-01.
   */
  role?: string;
  /**
   * Prefill ("dites-le nous une fois"): data the partner already knows.
   * For the carnet widget: {carnet, acteur} — the VIEW the partner's server
   * computed for the viewer (carnet.View / `spie view`, never the full
   * carnet) and the viewer (SpieCarnetViewer), whom the partner authenticates.
   * For the offre widget: SpieOffreData (a catalogue inline or by URL). For
   * the prescription widget: SpiePrescriptionData. For the diagnostic widget:
   * a diagnostic, or SpieDiagnosticData. For the indicateurs widget: SpieIndicatorsData (the output of `spie indicators`
   * and the network indicators), computed by the partner's server.
   */
  data?: unknown;
  /**
   * Milliseconds the widget has to start (spie:ready) before the loader
   * dispatches spie:error with the fault WIDGET-CHARGEMENT-01; 20000 by default.
   * A module that fails to load is reported at once (WIDGET-CHARGEMENT-03).
   * The same delay bounds the download of a catalogue given by URL: a
   * catalogue not read by then is refused by the widget (WIDGET-CHARGEMENT-02).
   */
  timeout?: number;
  /** Accessible title of the iframe; defaults to the widget's name in `lang`. */
  title?: string;
}

/**
 * Who views a carnet (carnet widget's data.acteur), as the partner authenticated them.
 * A professional role needs `siret_structure` and `professionnel` (their name);
 * for `usager`, `professionnel` is the identifier of the authenticated person and must
 * be the carnet's `personne.id` (otherwise nothing is shown: CARNET-DROITS-05/08).
 */
export interface SpieCarnetViewer {
  role: "usager" | "referent" | "co-referent" | "partenaire" | "coordinateur-spie" | "charge-orientation";
  siret_structure?: string;
  professionnel: string;
}

/**
 * data of the diagnostic widget: a diagnostic (prefill, even partial), or this envelope,
 * which adds what the recap's deadlines and the person's printable summary need.
 */
export interface SpieDiagnosticData {
  /** The diagnostic known so far (diagnostic.Diagnostic JSON). */
  diagnostic?: unknown;
  /** Dates of the pathway (diagnostic.Milestones), starting points of the deadlines of RULES.md §4. */
  jalons?: { date_entree?: string; date_orientation?: string; date_contrat?: string; date_rediagnostic?: string };
  /** The person's référent: a member of their carnet (carnet.Member: professionnel, siret_structure…). */
  referent?: { professionnel: string; siret_structure?: string; [k: string]: unknown };
  /** The person's plan d'action, as their carnet holds it (carnet.PlanObjectif, carnet.Action). */
  plan?: { objectifs?: unknown[]; actions?: unknown[] };
}

/** What the carnet widget hands back on spie:submit: a change the partner's server applies with carnet.Apply. */
export interface SpieCarnetChange {
  operation: "ajouter" | "modifier" | "retirer";
  cible: string;
  id_element?: string;
  valeur?: unknown;
  horodatage: string;
}

/**
 * A catalogue in data·inclusion v1 format: services and structures as the
 * data·inclusion API gives them. Elements the socle's rules refuse are left
 * out of the search and reported in spie:error (paths /catalogue/services/i/…).
 */
export interface SpieCatalogue {
  services: unknown[];
  structures?: unknown[];
}

/** The person and the prescriber of a prescription (fiche de prescription unique). */
export interface SpiePrescriptionPerson {
  /** Pseudonymous identifier. */
  id?: string;
  /** INSEE code of the person's commune. */
  code_commune?: string;
  date_naissance?: string;
  telephone?: string;
  courriel?: string;
}
export interface SpiePrescriber {
  role?: "referent" | "personne";
  nom?: string;
  /** SIRET of the référent's structure (required for a référent). */
  siret_structure?: string;
}

/**
 * data of the offre widget. Example:
 *   {catalogue: "/api/offre/catalogue.json", commune: "02408", rayon_mobilite_km: 20,
 *    personne: {id: "AISNE-2026-00042", code_commune: "02408"},
 *    emetteur: {role: "referent", nom: "Camille Martin", siret_structure: "22020001800004"}}
 * Refused data: spie:error with WIDGET-OFFRE-01 (unreadable), WIDGET-OFFRE-02 (no
 * valid service), WIDGET-CHARGEMENT-02 (catalogue URL not answering), and the
 * library's faults of each refused element (OFFRE-…).
 */
export interface SpieOffreData {
  /**
   * The catalogue, or the URL of its JSON (relative to the partner page): the
   * loader fetches it on the partner page, with the page's cookies, since the
   * widget page's CSP allows no other origin.
   */
  catalogue: SpieCatalogue | string;
  /** INSEE code of the person's commune: results are ranked by distance from its centre. */
  commune?: string;
  /** The person's mobility radius in km (the diagnostic's rayon_mobilite_km): only services within it. */
  rayon_mobilite_km?: number;
  /** Prefill of the fiche « Orienter » opens. */
  personne?: SpiePrescriptionPerson;
  emetteur?: SpiePrescriber;
}

/**
 * data of the prescription widget. Example:
 *   {service: {...data·inclusion v1 service...},
 *    personne: {id: "AISNE-2026-00042", code_commune: "02691"},
 *    emetteur: {role: "referent", nom: "Camille Martin", siret_structure: "22020001800004"}}
 * Refused data: spie:error with WIDGET-PRESC-01 (unreadable), WIDGET-PRESC-02 (no
 * service), the library's faults of the service (OFFRE-…, PRESC-MOBILISABLE-10,
 * PRESC-CONTACT-10) or of the prescriber's role (PRESC-VALEUR-01).
 */
export interface SpiePrescriptionData {
  service: unknown;
  personne?: SpiePrescriptionPerson;
  emetteur?: SpiePrescriber;
}

/**
 * result of spie:submit from the offre and prescription widgets: the
 * document is the fiche, still a draft (etat "brouillon") that passed the
 * socle's rules; the partner's server sends it with offer.Prescription.Send
 * (at le, by par), then calls outcome() with the sent fiche, and the widget
 * shows « transmise » with the answer deadline.
 */
export interface SpiePrescriptionProposal {
  operation: "envoyer";
  le: string;
  par: string;
  /** Deadlines if sent at le (offer.FollowUp): answer due 72 h later. */
  suivi: { reponse_attendue_le: string; relance_le: string; expire_le: string };
}

/**
 * data of the indicateurs widget: `indicateurs`, the output of `spie indicators`
 * (carnet.Report; one report, or an array of reports at different dates: a period
 * selector appears), and/or `reseau`, the network indicators (network.Report, one
 * or an array). Invalid data is refused with spie:error (WIDGET-INDICATEURS-NN,
 * SECRET-SEUIL-01) and nothing is shown. A secret cell carries no figure.
 */
export interface SpieIndicatorsData {
  indicateurs?: SpieCarnetIndicators | SpieCarnetIndicators[];
  reseau?: SpieNetworkIndicators | SpieNetworkIndicators[];
}

/** Key of an impact indicator (carnet.Indicators, RULES.md §12). */
export type SpieIndicatorKey = "entrants" | "diagnostic-1-mois" | "delai-entree-diagnostic" | "delai-entree-orientation" | "delai-orientation-contrat" | "referent-unique" | "propositions-doublons" | "contacts-reguliers" | "sans-solution" | "perdus-de-vue" | "ruptures" | "prescriptions-72h" | "sorties-emploi-durable" | "sorties-formation-qualifiante";

/** A value of a group: a count, a rate (count / base) or a median in days; or secret, with no figure. */
export interface SpieIndicatorValue {
  effectif?: number;
  base?: number;
  taux?: number;
  mediane_jours?: number;
  secret?: true;
}

/** Output of `spie indicators` (carnet.Report). */
export interface SpieCarnetIndicators {
  /** Date of computation, YYYY-MM-DD. */
  date: string;
  /** Threshold of the statistical secret, at least 5 (RULES.md §10). */
  seuil_secret: number;
  carnets_lus: number;
  lignes_illisibles: number;
  erreurs?: SpieFault[];
  groupes: Array<{
    dimension: "ensemble" | "cohorte" | "territoire" | "public";
    /** "tous", a cohort code, a département code or a public key. */
    valeur: string;
    personnes?: number;
    /** The whole group is secret: no figure at all. */
    secret?: true;
    indicateurs?: Partial<Record<SpieIndicatorKey, SpieIndicatorValue>>;
  }>;
}

/** A published count, or secret (no value). */
export interface SpieSecretCell {
  valeur?: number;
  secret?: true;
}

/** Network indicators (network.Report). */
export interface SpieNetworkIndicators {
  date: string;
  seuil_secret: number;
  structures_par_decision: Array<{ decision: "labellisee" | "a-completer" | "refusee" | "suspendue"; libelle: string; structures: SpieSecretCell }> | null;
  cohortes?: Array<{ cohorte: string; du: string; au: string; effectif_debut: SpieSecretCell; effectif_fin: SpieSecretCell; entrees: SpieSecretCell; sorties: SpieSecretCell; fautes?: SpieFault[] }>;
  comite?: {
    comite: string;
    situations_examinees: SpieSecretCell;
    situations_resolues: SpieSecretCell;
    situations_en_cours: SpieSecretCell;
    situations_sans_solution: SpieSecretCell;
    situations_sans_suite: SpieSecretCell;
    demandes_echues: SpieSecretCell;
    repondues_dans_delai: SpieSecretCell;
    /** Per cent; absent when secret. */
    part_repondues_dans_delai?: number;
    fautes?: SpieFault[];
  };
}

export interface SpieMounted {
  element: HTMLElement;
  iframe: HTMLIFrameElement;
  /** Sends new prefill data to the widget. */
  setData(data: unknown): void;
  /**
   * Tells the widget what the partner's server did with the change it
   * proposed: for a prescription, the fiche sent with offer.Prescription.Send
   * (etat "envoyee", its journal). A confirmation the widget refuses (another
   * fiche, not sent, unreadable) comes back as spie:error WIDGET-PRESC-04, -05 or -03.
   */
  outcome(data: unknown): void;
  /** Removes the iframe and stops listening to its messages. */
  destroy(): void;
}

/** detail of the spie:change and spie:submit events. */
export interface SpieDocumentDetail<T = unknown> {
  widget: SpieWidget;
  /** The JSON document; on spie:submit it passed every rule of the socle. */
  document: T;
  faults: SpieFault[];
  /** What the widget concluded, e.g. the diagnostic's orientation proposal {code, libelle, raisons}. */
  result: unknown | null;
}

/**
 * detail of the spie:error event. Besides the widgets' faults, the loader
 * reports its own: WIDGET-CHARGEMENT-01 (the widget did not start within
 * the timeout), -02 (catalogue URL not answering), -04 (unknown widget),
 * -05 (origin that is not an address), -06 (data-spie-data unreadable);
 * the widget page reports -03 (module not loaded) and, for the widgets that
 * check communes (diagnostic, offre, prescription, indicateurs), -07 (the
 * table of communes, fetched by the widget page apart from its module, could
 * not be loaded: no commune is checked, the data that needs it is not shown).
 */
export interface SpieErrorDetail {
  widget?: SpieWidget;
  faults?: SpieFault[];
  /**
   * The faults' messages in the embed's language (`message`, or
   * `message_en` when lang is "en"), as the loader also writes them in the
   * developer console.
   */
  message?: string;
}

export interface SpieAPI {
  version: string;
  widgets: SpieWidget[];
  /**
   * Creates the widget's iframe inside element; null when the options are invalid
   * (spie:error on element: WIDGET-CHARGEMENT-04 unknown widget, WIDGET-CHARGEMENT-05 invalid origin).
   */
  mount(element: HTMLElement, options: SpieMountOptions): SpieMounted | null;
  /** Mounts every element with a data-spie-widget attribute under root. */
  mountAll(root?: ParentNode): Array<SpieMounted | null>;
}

declare global {
  interface Window {
    SPIE: SpieAPI;
  }
  interface HTMLElementEventMap {
    "spie:ready": CustomEvent<{ widget: SpieWidget }>;
    "spie:change": CustomEvent<SpieDocumentDetail>;
    "spie:submit": CustomEvent<SpieDocumentDetail>;
    "spie:error": CustomEvent<SpieErrorDetail>;
  }
}
