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
