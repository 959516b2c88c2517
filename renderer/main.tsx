import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { httpTransport } from './api/httpTransport';
import { electronBridge, ipcTransport } from './api/ipcTransport';
import { App } from './App';
import { createAppStore } from './store/createAppStore';
import { StoreProvider } from './store/StoreContext';
import './styles/app.css';

// Electron exposes window.stige (preload); a browser talks to the devhost that served this page.
const bridge = electronBridge();
const store = createAppStore({ transport: bridge ? ipcTransport(bridge) : httpTransport() });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
