// Globals of the page, for code that page.evaluate runs in Chromium. The specs typecheck with Node's
// lib (they import the collector's sources), so the DOM is declared here, loosely, for those callbacks only.
/* eslint-disable @typescript-eslint/no-explicit-any */
declare var window: any;
declare var document: any;
declare var location: any;
declare var history: any;
declare var navigator: any;
declare var localStorage: any;
