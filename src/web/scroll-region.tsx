/**
 * The box a wide table scrolls in on a narrow screen. It is a named region
 * that Tab reaches (tabindex 0), so keyboard users can scroll it with the
 * arrow keys and screen readers say what it holds (axe scrollable-region-focusable).
 */
import type { Child } from 'hono/jsx';

/** @example <ScrollRegion labelledBy="members-title"><table>…</table></ScrollRegion> */
export function ScrollRegion(props: { labelledBy: string; children: Child }) {
  return (
    <div class="scroll" role="region" aria-labelledby={props.labelledBy} tabindex={0}>
      {props.children}
    </div>
  );
}
