/** The conversation about the agreement: both sides' comments in date order. */
export function CommentList({
  comments,
}: {
  comments: { id: string; side: "association" | "administration"; authorName: string; body: string; createdAt: string }[];
}) {
  if (comments.length === 0) return <p>Inga kommentarer än.</p>;
  return (
    <ol className="comment-list">
      {comments.map((c) => (
        <li key={c.id} className={c.side === "association" ? "from-association" : "from-administration"}>
          <p className="comment-meta">
            <strong>{c.authorName}</strong>, {c.side === "association" ? "föreningen" : "förvaltningen"},{" "}
            <time dateTime={c.createdAt.replace(" ", "T")}>{c.createdAt}</time>
          </p>
          <p className="prewrap">{c.body}</p>
        </li>
      ))}
    </ol>
  );
}
