namespace Release.Engine;

/// <summary>
/// One JSON Schema (draft-07) keyword a <see cref="ParameterConstraintAttribute"/> adds to its parameter's schema, e.g.
/// <c>new("minimum", 1d)</c>.
/// </summary>
/// <remarks>
/// A class, not a <c>KeyValuePair</c>: lists of a struct are JIT-compiled at every start of a build (the runtime's
/// precompiled code covers lists of reference types), and the schema's parameter part is worked out at every start.
/// </remarks>
/// <param name="Name">The keyword, e.g. <c>pattern</c>.</param>
/// <param name="Value">A string, a number (<see cref="double"/>) or a list of strings.</param>
public sealed record SchemaKeyword(string Name, object Value);
