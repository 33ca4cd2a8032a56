using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Release.CI.Yaml;

/// <summary>
/// Prints a <see cref="YNode"/> tree as YAML through YamlDotNet's emitter (which knows every quoting rule), with a
/// comment header, LF line endings and no document markers, so the same input always gives the same bytes.
/// </summary>
internal static partial class YamlText
{
    [GeneratedRegex(
        @"^(true|false|yes|no|on|off|y|n|null|~|[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|\.inf|\.nan)$",
        RegexOptions.IgnoreCase)]
    private static partial Regex Ambiguous();

    public static string Write(IEnumerable<string> header, YNode root)
    {
        var text = new StringBuilder();
        foreach (var line in header) text.Append(line.Length == 0 ? "#" : "# " + line).Append('\n');
        text.Append('\n');
        using var writer = new StringWriter(text) { NewLine = "\n" };
        var emitter = new Emitter(writer, EmitterSettings.Default.WithBestWidth(int.MaxValue).WithIndentedSequences().WithNewLine("\n"));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        Emit(emitter, root);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        writer.Flush();
        return text.ToString();
    }

    private static void Emit(IEmitter emitter, YNode node)
    {
        switch (node)
        {
            case YScalar scalar:
                emitter.Emit(new Scalar(null, null, scalar.Text, StyleOf(scalar), true, true));
                break;
            case YSeq sequence:
                emitter.Emit(new SequenceStart(null, null, true, sequence.Items.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in sequence.Items) Emit(emitter, item);
                emitter.Emit(new SequenceEnd());
                break;
            case YMap map:
                emitter.Emit(new MappingStart(null, null, true, map.IsEmpty ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var (key, value) in map.Entries)
                {
                    emitter.Emit(new Scalar(null, null, key, ScalarStyle.Plain, true, false));
                    Emit(emitter, value);
                }
                emitter.Emit(new MappingEnd());
                break;
        }
    }

    private static ScalarStyle StyleOf(YScalar scalar) => scalar.Kind switch
    {
        ScalarKind.Literal => ScalarStyle.Plain,
        ScalarKind.Block => ScalarStyle.Literal,
        _ when scalar.Text.Length == 0 || Ambiguous().IsMatch(scalar.Text) => ScalarStyle.DoubleQuoted,
        _ => ScalarStyle.Any,
    };
}
