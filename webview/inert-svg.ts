/**
 * Mermaid's SVG, made into DOM nodes that can run nothing and fetch nothing. Mermaid's
 * `strict` mode already sanitises labels and our labels are escaped; this is the last
 * line: it parses the text in an inert <template> (no script runs, no image loads), then
 * drops every element and attribute that could act before the SVG enters the page.
 */

const FORBIDDEN_ELEMENTS =
  'script, iframe, object, embed, img, image, audio, video, source, link, meta, base, form, input, button, textarea, select, animate, set, animateMotion, animateTransform, use[href^="http"], use[href^="//"]';

export function inertSvg(svgText: string): SVGSVGElement {
  const template = document.createElement('template');
  template.innerHTML = svgText;
  const svg = template.content.querySelector('svg');
  if (!svg) throw new Error('Mermaid returned no SVG');
  for (const element of template.content.querySelectorAll(FORBIDDEN_ELEMENTS)) element.remove();
  for (const element of [svg, ...svg.querySelectorAll('*')]) {
    for (const attribute of [...element.attributes]) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value.trim().toLowerCase();
      const isLink = name === 'href' || name === 'xlink:href' || name === 'src' || name === 'action' || name === 'formaction';
      // In-document references (`#marker`) are how Mermaid draws arrowheads; anything else is a way out.
      if (name.startsWith('on') || (isLink && !value.startsWith('#'))) element.removeAttribute(attribute.name);
    }
  }
  return document.importNode(svg, true) as SVGSVGElement;
}
