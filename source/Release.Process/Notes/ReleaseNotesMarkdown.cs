using System.Text;

namespace Release.Process.Notes;

/// <summary>Renders <see cref="ReleaseNotes"/> as Markdown.</summary>
public static class ReleaseNotesMarkdown
{
    /// <summary>The Markdown text ("\n" line endings, ending with one newline).</summary>
    /// <param name="notes">The notes.</param>
    public static string Render(this ReleaseNotes notes)
    {
        var text = new StringBuilder();
        text.Append("# ").Append(Escape(notes.Title)).Append("\n\n");
        AppendChanges(text, notes, "##");
        text.Append("## Rollback\n\n");
        if (notes.RollbackCommand is null)
            text.Append($"No earlier blessed release exists in {notes.RollbackEnvironment}: this release cannot be rolled back; fix forward.\n");
        else
            text.Append($"Previous blessed version: {notes.PreviousBlessedVersion}. To restore it in " +
                $"{notes.RollbackEnvironment}:\n\n```sh\n{notes.RollbackCommand}\n```\n");
        return text.ToString();
    }

    /// <summary>
    /// Appends the notes' sections and referenced issues (no title, no rollback section), each headed with
    /// <paramref name="heading"/> (<c>##</c> on their own; <c>###</c> inside the notes of an application release).
    /// </summary>
    internal static void AppendChanges(StringBuilder text, ReleaseNotes notes, string heading)
    {
        if (notes.Sections.Count == 0) text.Append("No changes.\n\n");
        foreach (var section in notes.Sections)
        {
            text.Append(heading).Append(' ').Append(section.Title).Append("\n\n");
            foreach (var entry in section.Entries)
            {
                text.Append("- ");
                if (entry.Scope is not null) text.Append("**").Append(Escape(entry.Scope)).Append(":** ");
                // Multi-line breaking-change texts stay inside their list item.
                text.Append(Escape(entry.Text).Replace("\n", "\n  "));
                if (entry.Sha.Length > 0) text.Append(" (").Append(entry.Sha).Append(')');
                if (entry.Issues.Count > 0) text.Append(' ').Append(string.Join(", ", entry.Issues));
                text.Append('\n');
            }
            text.Append('\n');
        }
        if (notes.Issues.Count > 0)
        {
            text.Append(heading).Append(" Referenced issues\n\n");
            foreach (var issue in notes.Issues) text.Append("- ").Append(issue).Append('\n');
            text.Append('\n');
        }
    }

    // Commit text is untrusted: keep it from becoming HTML or breaking the list's emphasis.
    internal static string Escape(string text) =>
        text.Replace("\r", "").Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("*", "\\*").Replace("_", "\\_")
            .Replace("`", "\\`");
}
