namespace GzBioPlan.Domain.Flagship;

/// <summary>
/// Which of the plan's five 重点领域 a 征集领域 of the national call falls in (README's table). 生物能源, 专用设备及材料 and
/// 其他 fit none of them and map to none.
/// </summary>
public static class KeyAreaMap
{
    public static readonly IReadOnlyDictionary<string, string> ByField = new Dictionary<string, string>
    {
        ["食品及添加剂"] = "area-3", // 生物食品
        ["生物制药"] = "area-1", // 生物医药
        ["化妆品"] = "area-4", // 生物健康: 高端化妆品原料
        ["生物基化学品"] = "area-2", // 生物材料: 生物基化学品的绿色生物制造
        ["生物基材料"] = "area-2", // 生物材料
        ["酶制剂"] = "area-2", // 生物材料: 微生物和酶法合成路线
        ["天然产物生物合成"] = "area-4", // 生物健康: 保健品、功能原料
    };

    public static string? KeyAreaOf(string field) => ByField.GetValueOrDefault(field);
}
