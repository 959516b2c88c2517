/** Comparisons of informants and cases (being built; see the issue). */
export function CompareView() {
  return (
    <section className="main-placeholder" aria-label="Comparisons of informants and cases">
      <p className="hint">Comparisons of informants and cases.</p>
    </section>
  );
}
