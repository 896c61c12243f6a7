import { byId } from './dom.js';
import { TABS } from './app.js';
import type { Tab } from './app.js';

// WAI-ARIA tabs: buttons with roving tabindex; arrows, Home and End move between them.

export function selectTab(tab: Tab, focus = false): void {
  for (const name of TABS) {
    const button = byId<HTMLButtonElement>(`tab-${name}`);
    const selected = name === tab;
    button.setAttribute('aria-selected', String(selected));
    button.tabIndex = selected ? 0 : -1;
    byId(`panel-${name}`).hidden = !selected;
    if (selected && focus) button.focus();
  }
}

export function setUpTabs(onSelect: (tab: Tab, focus: boolean) => void): void {
  TABS.forEach((name, index) => {
    const button = byId<HTMLButtonElement>(`tab-${name}`);
    button.addEventListener('click', () => onSelect(name, false));
    button.addEventListener('keydown', (event) => {
      const keys: Record<string, number> = {
        ArrowRight: index + 1,
        ArrowLeft: index - 1,
        Home: 0,
        End: TABS.length - 1,
      };
      const target = keys[event.key];
      if (target === undefined) return;
      event.preventDefault();
      onSelect(TABS[(target + TABS.length) % TABS.length], true);
    });
  });
}
