namespace Release.Engine;

/// <summary>
/// A build target: a function that shapes a <see cref="ITargetDefinition"/>.
/// Declare targets as properties: <c>Target Compile =&gt; _ =&gt; _.DependsOn(Restore).Executes(...)</c>.
/// The property's name is the target's name.
/// </summary>
/// <param name="definition">The definition to shape.</param>
/// <returns>The shaped definition, for chaining.</returns>
public delegate ITargetDefinition Target(ITargetDefinition definition);
