/**
 * Fetch a file the devhost holds for this browser (GET /api/download/<id>, once) as a download.
 * The page's cookie carries the token, so a plain link works; the server names the file.
 */
export function downloadFromServer(url: string, fileName: string): void {
  // Without a document (the store in unit tests) there is nowhere to download to.
  if (typeof document === 'undefined') return;
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
}
