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
  /**
   * Who views the widget, as the partner authenticated them: one of the carnet's roles
   * (SpieCarnetViewer["role"]) or "professionnel". For the diagnostic widget, "usager" opens
   * the person's mode (their own view of each thématique, then their printable summary);
   * any other role, or none, the professional's form.
   */
  role?: string;
  /**
   * Prefill ("dites-le nous une fois"): data the partner already knows.
   * For the carnet widget: {carnet, acteur} — the VIEW the partner's server
   * computed for the viewer (carnet.View / `spie view`, never the full
   * carnet) and the viewer (SpieCarnetViewer), whom the partner authenticates.
   * For the diagnostic widget: a diagnostic, or SpieDiagnosticData.
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
