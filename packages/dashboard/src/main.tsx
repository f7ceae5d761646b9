import { render } from 'preact';
import { App } from './components/app.js';

render(<App />, document.getElementById('app')!);
