using System.Text;

namespace Release.Operations.Rendering;

/// <summary>
/// The frame of every generated HTML page: one inline style sheet, a navigation bar, no script and nothing loaded
/// from elsewhere, so a page opens from disk with no server and no internet.
/// </summary>
public static class HtmlPage
{
    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:0;color:#1d2733;background:#f6f8fa}
        header{background:#24344d;color:#fff;padding:10px 20px}header a{color:#cfe0ff;margin-right:16px;text-decoration:none}
        main{padding:16px 24px;max-width:1400px}h1{font-size:22px}h2{font-size:18px;margin-top:28px}
        table{border-collapse:collapse;background:#fff;margin:8px 0}td,th{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top;font-size:13px}
        th{background:#eef1f4}code{background:#eef1f4;padding:1px 4px;border-radius:3px;font-size:12px}
        .ok{color:#1a7f37;font-weight:bold}.bad{color:#cf222e;font-weight:bold}.muted{color:#57606a}
        .charts{display:flex;flex-wrap:wrap;gap:16px}.chart{background:#fff;border:1px solid #d0d7de;padding:8px}
        .diagram{background:#fff;border:1px solid #d0d7de;padding:8px;overflow-x:auto;margin:8px 0}.diagram svg{max-width:100%;height:auto}
        .step{background:#fff;border:1px solid #d0d7de;padding:8px 12px;margin:10px 0}
        """;

    /// <summary>A whole HTML document.</summary>
    /// <param name="title">The page title.</param>
    /// <param name="navigation">Links of the navigation bar (text, relative href); empty for none.</param>
    /// <param name="body">The page's inner HTML (already escaped where needed).</param>
    public static string Render(string title, IReadOnlyList<(string Text, string Href)> navigation, string body)
    {
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append($"<title>{Markup.Encode(title)}</title>\n<style>{Style}</style>\n</head>\n<body>\n");
        if (navigation.Count > 0)
            html.Append("<header><nav>").Append(
                string.Concat(navigation.Select(n => "<a " +
                    $"href=\"{Markup.Encode(n.Href)}\">{Markup.Encode(n.Text)}</a>"))).Append("</nav></header>\n");
        return html.Append("<main>\n").Append(body).Append("\n</main>\n</body>\n</html>\n").ToString();
    }
}
