// Globals of the page, for the callbacks page.evaluate and addInitScript run in Chromium. The specs
// typecheck with Node's lib (they import the collector's sources), so these are declared loosely here.
/* eslint-disable @typescript-eslint/no-explicit-any */
declare var document: any;
declare var localStorage: any;
declare var sessionStorage: any;
declare var location: any;
