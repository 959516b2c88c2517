/** The data-structure figure (being built; see the issue). */
export function StructureView() {
  return (
    <section className="main-placeholder" aria-label="The data-structure figure">
      <p className="hint">The data-structure figure.</p>
    </section>
  );
}
