namespace GzBioPlan.Dashboard.PageCache;

/// <summary>
/// Marks a page (<c>@attribute [CachedByDataVersion]</c>) or an endpoint (<c>.CachedByDataVersion()</c>) whose answer the
/// page cache renders once per key and serves until the data version moves. <see cref="PerReader"/> keys it by person too,
/// for answers that carry the reader's name inside them (an export's 「内部资料 · reader」 header).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CachedByDataVersionAttribute : Attribute
{
    public bool PerReader { get; init; }
}

public static class CachedByDataVersionExtensions
{
    public static TBuilder CachedByDataVersion<TBuilder>(this TBuilder builder, bool perReader = false) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new CachedByDataVersionAttribute { PerReader = perReader });
}
