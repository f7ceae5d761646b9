import { install } from './install.js';

// The script-tag entry point, built to dist/koe.js as a classic script: it only installs window.koe.
install(window);
