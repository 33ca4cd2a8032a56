using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Release.Helm.Yaml;

/// <summary>
/// Writes YAML node trees as text deterministically: two-space indent, indented sequences, "\n" line ends, no width
/// wrapping, and strings quoted exactly when a reader would otherwise take them for something else (a number, a bool,
/// null). Scalars explicitly marked <see cref="ScalarStyle.Plain"/> are written plain: that is how numbers and bools
/// are built, and how a loaded file's plain scalars round-trip unchanged; explicitly quoted scalars stay quoted.
/// </summary>
public static partial class YamlText
{
    // YAML 1.1 and 1.2 core-schema plain scalars that do not read back as strings (Kubernetes and Helm use YAML 1.1 rules).
    [GeneratedRegex(
        @"^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF" +
        @"|[-+]?(?:0|[0-9][0-9_]*)(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\.[0-9_]+(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o?[0-7_]+" +
        @"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|[0-9]+(?::[0-5]?[0-9])+(?:\.[0-9_]*)?)$")]
    private static partial Regex NonStringPlainScalar();

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

    /// <summary>True when <paramref name="value"/>, written unquoted, would not read back as that string.</summary>
    public static bool NeedsQuotes(string value) => value.Length == 0 || NonStringPlainScalar().IsMatch(value);

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
                    _ when NeedsQuotes(value) => ScalarStyle.DoubleQuoted,
                    _ => ScalarStyle.Any,
                };
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, scalar.Value is null ? "null" : value, style, true, true));
                break;
            default:
                throw new NotSupportedException($"YAML node type {node.GetType().Name} is not supported.");
        }
    }
}
