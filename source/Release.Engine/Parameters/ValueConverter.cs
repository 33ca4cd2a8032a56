using System.Globalization;

namespace Release.Engine.Parameters;

/// <summary>Turns parameter text into typed values: strings, booleans, numbers, enums, paths, arrays and nullables.</summary>
public static class ValueConverter
{
    /// <summary>Converts <paramref name="raw"/> to <paramref name="type"/>; errors name the parameter and its source.</summary>
    public static object? Convert(RawValue raw, Type type, string parameter, AbsolutePath root)
    {
        if (type.IsArray)
        {
            var element = type.GetElementType()!;
            var items = raw.Values.Select(v => ConvertOne(v, element, parameter, raw.Source, root)).ToArray();
            var array = Array.CreateInstance(element, items.Length);
            Array.Copy(items, array, items.Length);
            return array;
        }
        if (raw.Values.Count == 0)
            return Unwrap(type) == typeof(bool) ? true : throw Wrong(parameter, raw.Source, "(nothing)", type, "a value");
        if (raw.Values.Count > 1)
            throw new BuildInputException($"--{NameMatching.ToKebabCase(parameter)} from {ValueSources.Describe(raw.Source)} takes one value but " +
                $"got {raw.Values.Count}: {string.Join(" ", raw.Values)}. Quote the value or pass it once.");
        return ConvertOne(raw.Values[0], type, parameter, raw.Source, root);
    }

    private static object ConvertOne(string text, Type type, string parameter, string source, AbsolutePath root)
    {
        var target = Unwrap(type);
        if (target == typeof(string)) return text;
        if (target == typeof(AbsolutePath))
            return Path.IsPathFullyQualified(text) ? new AbsolutePath(text) : root / text;
        if (target == typeof(bool))
            return text.ToLowerInvariant() switch
            {
                "true" or "1" or "yes" or "on" => true,
                "false" or "0" or "no" or "off" => false,
                _ => throw Wrong(parameter, source, text, type, "true or false"),
            };
        if (target.IsEnum)
        {
            var names = Enum.GetNames(target);
            var match = names.FirstOrDefault(n => NameMatching.Normalize(n) == NameMatching.Normalize(text));
            return match is not null
                ? Enum.Parse(target, match)
                : throw Wrong(parameter, source, text, type, "one of " + string.Join(", ", names));
        }
        if (target == typeof(TimeSpan))
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span)
                ? span
                : throw Wrong(parameter, source, text, type, "a duration like 00:05:00");
        try
        {
            return System.Convert.ChangeType(text, target, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FormatException or OverflowException or InvalidCastException)
        {
            throw Wrong(parameter, source, text, type, $"a {Describe(target)}");
        }
    }

    private static Type Unwrap(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    private static string Describe(Type type) => Type.GetTypeCode(type) switch
    {
        TypeCode.Int32 or TypeCode.Int64 or TypeCode.Int16 or TypeCode.Byte => "whole number",
        TypeCode.Double or TypeCode.Single or TypeCode.Decimal => "number",
        _ => NameMatching.ToKebabCase(type.Name).Replace('-', ' '),
    };

    // Words only: a .NET type name (Int32) means nothing to whoever typed the value.
    private static BuildInputException Wrong(string parameter, string source, string text, Type type, string expected)
    {
        var argument = "--" + NameMatching.ToKebabCase(parameter);
        return new(
            $"{argument} has the value '{text}' from {ValueSources.Describe(source)}, which is not {expected}. {ValueSources.Fix(source, argument)}");
    }
}
