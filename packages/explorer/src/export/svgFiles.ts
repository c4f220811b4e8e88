/**
 * A chart as a standalone SVG file and as a PNG (drawn from that SVG on a canvas at twice
 * its size).
 * @module
 */

/**
 * The SVG file of a chart.
 * @param svg - the chart's `<svg>` (as drawn by renderChart).
 * @returns the file's text, with its XML declaration.
 */
export function svgFileText(svg: SVGSVGElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}\n`;
}

/**
 * The PNG of a chart, at `scale` times its size.
 * @param svg - the chart's `<svg>`.
 * @param scale - pixel ratio (default 2).
 * @returns a PNG blob.
 */
export async function svgToPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const url = URL.createObjectURL(new Blob([svgFileText(svg)], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.width = width;
    image.height = height;
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('this browser gives no 2D canvas to draw the PNG on');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob === null ? reject(new Error('the canvas could not be encoded as PNG')) : resolve(blob)), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
