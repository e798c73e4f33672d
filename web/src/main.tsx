import { render } from 'preact';
import '@fontsource/sarabun/thai-400.css';
import '@fontsource/sarabun/latin-400.css';
import '@fontsource/sarabun/thai-600.css';
import '@fontsource/sarabun/latin-600.css';
import './styles.css';
import { App } from './app';
import { lang } from './lib/i18n';

document.documentElement.lang = lang();
render(<App />, document.getElementById('app')!);
