import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { SessionProvider } from './auth/session.tsx';
import { LanguageProvider } from './i18n/language.tsx';
import './styles.css';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <SessionProvider>
      <LanguageProvider>
        <App />
      </LanguageProvider>
    </SessionProvider>
  </StrictMode>,
);
