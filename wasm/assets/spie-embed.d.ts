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
  /** Language of the widget; French by default. */
  lang?: "fr" | "en";
  /** Rights of the viewer, e.g. "professionnel", "referent", "personne" (carnet). */
  role?: string;
  /**
   * Prefill ("dites-le nous une fois"): data the partner already knows.
   * For the carnet widget: {carnet, acteur} — the VIEW the partner's server
   * computed for the viewer (carnet.View / `spie view`, never the full
   * carnet) and the viewer (SpieCarnetViewer), whom the partner authenticates.
   * For the indicateurs widget: SpieIndicatorsData (the output of `spie indicators`
   * and the network indicators), computed by the partner's server.
   */
  data?: unknown;
  /** Accessible title of the iframe; defaults to the widget's French name. */
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

/** What the carnet widget hands back on spie:submit: a change the partner's server applies with carnet.Apply. */
export interface SpieCarnetChange {
  operation: "ajouter" | "modifier" | "retirer";
  cible: string;
  id_element?: string;
  valeur?: unknown;
  horodatage: string;
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

/** detail of the spie:error event. */
export interface SpieErrorDetail {
  widget?: SpieWidget;
  faults?: SpieFault[];
  message?: string;
}

export interface SpieAPI {
  version: string;
  widgets: SpieWidget[];
  /** Creates the widget's iframe inside element; null when the options are invalid. */
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
