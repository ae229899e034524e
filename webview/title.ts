/**
 * The architecture's name (its top-level `name:`) as the preview's heading, above the
 * diagram and outside the pan and zoom: it names what is drawn however the view is moved.
 * Hidden when the file has no name.
 */
export function createTitle(): HTMLHeadingElement {
  const heading = document.createElement('h1');
  heading.className = 'title';
  heading.hidden = true;
  return heading;
}

export function showTitle(heading: HTMLElement, title: string | undefined): void {
  if ((heading.textContent ?? '') === (title ?? '') && heading.hidden === (title === undefined)) return;
  heading.textContent = title ?? '';
  heading.hidden = title === undefined;
}
