// The panel's styles, inside its shadow root (loaded with the panel, not with the badge). Colours keep a
// contrast of 4.5:1 or more against their background (axe's `color-contrast`).
export const PANEL_CSS = `
.p{position:fixed;z-index:2147483647;display:flex;flex-direction:column;width:min(1120px,calc(100vw - 24px));height:min(600px,calc(100vh - 72px));background:#fff;color:#111827;border:1px solid #9ca3af;border-radius:10px;box-shadow:0 12px 40px rgba(17,24,39,.35);font:13px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;text-align:left}
.p.bottom-right{bottom:52px;right:12px}.p.bottom-left{bottom:52px;left:12px}.p.top-right{top:52px;right:12px}.p.top-left{top:52px;left:12px}
.p[hidden]{display:none}
.hd{display:flex;align-items:center;gap:12px;padding:10px 14px;background:#111827;color:#f9fafb;border-radius:9px 9px 0 0}
h2{margin:0;font-size:15px}
.sum{margin:0;flex:1;color:#e5e7eb}
button{font:inherit;cursor:pointer}
button:focus-visible,a:focus-visible,[tabindex]:focus-visible{outline:3px solid #2563eb;outline-offset:2px}
.x{border:1px solid #6b7280;background:#1f2937;color:#f9fafb;border-radius:6px;padding:2px 10px}
[role=tablist]{display:flex;gap:4px;padding:8px 14px 0;border-bottom:1px solid #d1d5db}
[role=tab]{border:1px solid transparent;border-bottom:none;background:none;color:#374151;padding:6px 12px;border-radius:6px 6px 0 0}
[role=tab][aria-selected=true]{background:#f3f4f6;border-color:#d1d5db;color:#111827;font-weight:600}
.v{flex:1;overflow:auto;padding:12px 14px;background:#fff}
.empty{color:#374151}
.f{border:1px solid #d1d5db;border-left:4px solid #b91c1c;border-radius:6px;padding:8px 10px;margin:0 0 10px}
.f.warning{border-left-color:#b45309}
.f h3{margin:0 0 4px;font-size:13px;display:flex;gap:8px;align-items:baseline;flex-wrap:wrap}
.sev{font-size:11px;text-transform:uppercase;letter-spacing:.04em;font-weight:700;color:#991b1b}
.warning .sev{color:#92400e}
.f p{margin:4px 0}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:6px 0}
dt{color:#4b5563}dd{margin:0}
code{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,monospace;background:#f3f4f6;padding:0 3px;border-radius:3px}
table{border-collapse:collapse;width:100%;margin:0 0 12px}
th,td{border:1px solid #d1d5db;padding:4px 6px;vertical-align:top}
thead th{background:#f3f4f6;position:sticky;top:-12px}
tbody th{text-align:left;font-weight:600;white-space:nowrap}
.cell{font-size:12px}
.muted{color:#4b5563}
.live{color:#166534;font-weight:600}
.dup{background:#fef2f2}.unsatisfied{background:#fff7ed}.private{background:#faf5ff}
.mark{display:inline-block;margin:2px 4px 0 0;padding:0 6px;border-radius:999px;font-size:11px;font-weight:700;background:#991b1b;color:#fff}
.mark.unsatisfied{background:#9a3412}.mark.private{background:#6b21a8}
.legend{display:flex;gap:10px;flex-wrap:wrap;margin:0 0 10px;color:#374151}
h3.bus{margin:0 0 6px;font-size:14px}
h4{margin:10px 0 4px;font-size:13px}
.secret{font-style:italic;color:#374151}
ol{margin:0;padding-left:20px}
.rej{color:#991b1b;font-weight:600}
`;
