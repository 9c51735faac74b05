using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.AspNetCore.Identity;

namespace GzBioPlan.Domain.Accounts;

public class AppUser : IdentityUser
{
    public required string DisplayName { get; set; }

    /// <summary>For a 区工信部门 account: the district it reports for.</summary>
    public string? DistrictCode { get; set; }

    /// <summary>For a 市直部门 account: the unit it reports for.</summary>
    public string? UnitCode { get; set; }

    public bool Disabled { get; set; }

    /// <summary>Created by demo mode; removed with the demo data.</summary>
    public bool IsDemo { get; set; }
}

/// <summary>The roles. The names are what the interface shows.</summary>
public static class Roles
{
    public const string Leader = "市领导";
    public const string Coordination = "协调办";
    public const string District = "区工信部门";
    public const string Unit = "市直部门";
    public const string Admin = "管理员";

    public static readonly IReadOnlyList<string> All = [Leader, Coordination, District, Unit, Admin];

    /// <summary>Roles that read the whole city's figures.</summary>
    public const string CityWide = Leader + "," + Coordination + "," + Unit + "," + Admin;
}

/// <summary>
/// A personal access token for scripted clients (<c>Authorization: Bearer …</c>). Only its SHA-256 is
/// stored; it acts with its owner's role and district, and expires.
/// </summary>
public class ApiToken
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    public required string Hash { get; set; }

    /// <summary>The first characters, so a person can tell tokens apart without the secret.</summary>
    public required string Prefix { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> e)
    {
        e.Property(u => u.DisplayName).HasMaxLength(100);
        e.Property(u => u.DistrictCode).HasMaxLength(6);
        e.Property(u => u.UnitCode).HasMaxLength(32);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> e)
    {
        e.Property(x => x.UserId).HasMaxLength(450);
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.Hash).HasMaxLength(64);
        e.Property(x => x.Prefix).HasMaxLength(16);
        e.HasIndex(x => x.Hash).IsUnique();
    }
}
