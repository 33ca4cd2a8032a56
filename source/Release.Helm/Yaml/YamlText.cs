using Release.Foundation.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Release.Helm.Yaml;

/// <summary>
/// Writes YAML node trees as text deterministically: two-space indent, indented sequences, "\n" line ends, no width
/// wrapping, and strings quoted exactly when a reader would otherwise take them for something else (a number, a bool,
/// null: the rule is <see cref="YamlScalars"/>). Scalars explicitly marked <see cref="ScalarStyle.Plain"/> are written
/// plain: that is how numbers and bools are built, and how a loaded file's plain scalars round-trip unchanged;
/// explicitly quoted scalars stay quoted.
/// </summary>
public static class YamlText
{
    /// <summary>Renders one document.</summary>
    public static string Write(YamlNode root)
    {
        var text = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(text, new EmitterSettings(2, int.MaxValue, false, 1024, true, true, "\n"));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, true));
        Emit(emitter, root);
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    /// <summary>A plain (unquoted) scalar, for numbers and bools.</summary>
    public static YamlScalarNode Plain(string value) => new(value) { Style = ScalarStyle.Plain };

    /// <summary>A plain integer scalar.</summary>
    public static YamlScalarNode Number(long value) => Plain(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A plain boolean scalar.</summary>
    public static YamlScalarNode Bool(bool value) => Plain(value ? "true" : "false");

    /// <summary>A string scalar (quoted on output if it could read back as another type).</summary>
    public static YamlScalarNode String(string value) => new(value);

    private static void Emit(IEmitter emitter, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true,
                    mapping.Children.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var (key, child) in mapping.Children)
                {
                    Emit(emitter, key);
                    Emit(emitter, child);
                }

                emitter.Emit(new MappingEnd());
                break;
            case YamlSequenceNode sequence:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true,
                    sequence.Children.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var child in sequence.Children) Emit(emitter, child);
                emitter.Emit(new SequenceEnd());
                break;
            case YamlScalarNode scalar:
                var value = scalar.Value ?? "";
                var style = scalar.Style switch
                {
                    ScalarStyle.Plain when scalar.Value is not null => ScalarStyle.Plain,
                    _ when scalar.Value is null => ScalarStyle.Plain,
                    ScalarStyle.DoubleQuoted or ScalarStyle.SingleQuoted => scalar.Style,
                    _ when value.Contains('\n') => ScalarStyle.Literal,
                    _ when YamlScalars.NeedsQuotes(value) => ScalarStyle.DoubleQuoted,
                    _ => ScalarStyle.Any,
                };
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, scalar.Value is null ? "null" : value, style, true, true));
                break;
            default:
                throw new NotSupportedException($"YAML node type {node.GetType().Name} is not supported.");
        }
    }
}
