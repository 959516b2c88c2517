/** Teamwork: coders, merging and agreement (being built; see the issue). */
export function TeamView() {
  return (
    <section className="main-placeholder" aria-label="Teamwork: coders, merging and agreement">
      <p className="hint">Teamwork: coders, merging and agreement.</p>
    </section>
  );
}
