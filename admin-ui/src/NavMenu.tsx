import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { Link, useLocation } from 'react-router';

/**
 * The main navigation: links, and groups of links behind a button that opens them (a disclosure,
 * so it needs no menu library). A group closes on a choice, on Escape, or when the focus or a
 * click goes elsewhere.
 */
export type NavLinkEntry = { key: string; to: string; label: string };
export type NavEntry = NavLinkEntry | { key: string; label: string; links: NavLinkEntry[] };

const look = (current: boolean): CSSProperties => ({ display: 'block', padding: '0 12px', borderRadius: 4, color: current ? '#fff' : '#dbeafe', background: current ? '#1d4ed8' : 'transparent' });
const row: CSSProperties = { display: 'flex', flexWrap: 'wrap', gap: 4, listStyle: 'none', margin: 0, padding: 0, lineHeight: '32px' };

export function NavMenu({ label, entries, section }: { label: string; entries: NavEntry[]; section: string }) {
  return (
    <nav aria-label={label} style={{ flex: 1, minWidth: 200 }}>
      <ul style={row}>
        {entries.map((entry) => (
          <li key={entry.key}>{'links' in entry ? <NavGroup group={entry} section={section} /> : <NavLink link={entry} current={section === entry.key} />}</li>
        ))}
      </ul>
    </nav>
  );
}

function NavLink({ link, current }: { link: NavLinkEntry; current: boolean }) {
  return (
    <Link to={link.to} aria-current={current ? 'page' : undefined} style={look(current)}>
      {link.label}
    </Link>
  );
}

function NavGroup({ group, section }: { group: Extract<NavEntry, { links: unknown }>; section: string }) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();
  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    const away = (event: Event) => {
      if (!box.current?.contains(event.target as Node)) setOpen(false);
    };
    const escape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', away);
    document.addEventListener('focusin', away);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('pointerdown', away);
      document.removeEventListener('focusin', away);
      document.removeEventListener('keydown', escape);
    };
  }, [open]);
  const id = `nav-${group.key}`;
  return (
    <div ref={box} style={{ position: 'relative' }}>
      <button ref={button} type="button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)} style={{ ...look(group.links.some((l) => l.key === section)), border: 0, font: 'inherit', lineHeight: 'inherit', cursor: 'pointer' }}>
        {group.label} <span aria-hidden="true">▾</span>
      </button>
      <ul id={id} hidden={!open} style={{ position: 'absolute', zIndex: 1000, top: '100%', left: 0, minWidth: '100%', margin: '4px 0 0', padding: 4, listStyle: 'none', whiteSpace: 'nowrap', background: '#0f2a5c', borderRadius: 4, boxShadow: '0 6px 16px rgba(0, 0, 0, 0.3)' }}>
        {group.links.map((link) => (
          <li key={link.key}>
            <NavLink link={link} current={section === link.key} />
          </li>
        ))}
      </ul>
    </div>
  );
}
