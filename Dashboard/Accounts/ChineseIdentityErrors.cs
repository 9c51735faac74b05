using Microsoft.AspNetCore.Identity;

namespace GzBioPlan.Dashboard.Accounts;

/// <summary>Identity's messages in Chinese, for the admin page and the login form.</summary>
internal sealed class ChineseIdentityErrors : IdentityErrorDescriber
{
    private static IdentityError E(string code, string text) => new() { Code = code, Description = text };

    public override IdentityError DefaultError() => E(nameof(DefaultError), "操作失败，请重试。");
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), $"用户名“{userName}”已被使用，请换一个。");
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), $"用户名“{userName}”无效：只能使用字母、数字和 -._@+。");
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), $"密码至少需要 {length} 位。");
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), "密码需要至少包含一个数字。");
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), "密码需要至少包含一个小写字母。");
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), "密码需要至少包含一个大写字母。");
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), "密码需要至少包含一个符号。");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => E(nameof(PasswordRequiresUniqueChars), $"密码需要至少包含 {uniqueChars} 个不同的字符。");
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), "密码不正确。");
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), "该账号刚被其他人修改，请刷新后重试。");
    public override IdentityError UserAlreadyInRole(string role) => E(nameof(UserAlreadyInRole), $"该账号已经是“{role}”角色。");
}
