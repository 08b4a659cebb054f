//! 简体中文 (the default language).

use super::Catalog;
use deputy_homes_api::account::Role;
use deputy_homes_api::activity::ActivityKind;
use deputy_homes_api::{District, Facility, HomeType};

fn type_name(t: HomeType) -> &'static str {
    match t {
        HomeType::District => "旗县区代表之家",
        HomeType::Street => "街道代表之家",
        HomeType::Town => "乡镇代表之家",
        HomeType::Law => "法律专业代表之家",
        HomeType::Education => "教育专业代表之家",
        HomeType::Enterprise => "企业专业代表之家",
        HomeType::MedicineHealth => "医药卫生专业代表之家",
        HomeType::Agriculture => "农业专业代表之家",
        HomeType::PrivateEnterprise => "民营企业专业代表之家",
        HomeType::EcologyEnvironment => "生态环境专业代表之家",
    }
}

fn field_name(t: HomeType) -> &'static str {
    match t {
        HomeType::District => "旗县区",
        HomeType::Street => "街道",
        HomeType::Town => "乡镇",
        HomeType::Law => "法律",
        HomeType::Education => "教育",
        HomeType::Enterprise => "企业",
        HomeType::MedicineHealth => "医药卫生",
        HomeType::Agriculture => "农业",
        HomeType::PrivateEnterprise => "民营企业",
        HomeType::EcologyEnvironment => "生态环境",
    }
}

fn facility_name(f: Facility) -> &'static str {
    match f {
        Facility::StepFreeEntrance => "无台阶入口",
        Facility::AccessibleToilet => "无障碍卫生间",
        Facility::HearingLoop => "助听环路",
        Facility::Parking => "停车场",
        Facility::AccessibleParking => "无障碍停车位",
        Facility::Lift => "电梯",
        Facility::SignLanguage => "手语服务",
        Facility::LargePrint => "大字版材料",
        Facility::WheelchairLoan => "轮椅借用",
    }
}

fn activity_kind(k: ActivityKind) -> &'static str {
    match k {
        ActivityKind::Reception => "接待日",
        ActivityKind::VoterMeeting => "与选民见面",
        ActivityKind::DutyReport => "代表述职",
        ActivityKind::Training => "学习培训",
        ActivityKind::ConvenienceService => "便民服务",
    }
}

fn role_name(r: Role) -> &'static str {
    match r {
        Role::Delegate => "人大代表",
        Role::Staff => "常委会工作人员",
    }
}

fn distance(m: f64) -> String {
    if m < 1000.0 {
        format!("{:.0} 米", m)
    } else {
        format!("{:.1} 公里", m / 1000.0)
    }
}

/// The Chinese catalog.
pub const ZH: Catalog = Catalog {
    app_title: "呼和浩特人大代表之家",
    skip_to_content: "跳到主要内容",
    nav_label: "主导航",
    nav_homes: "找代表之家",
    nav_map: "分布图",
    other_language: "English",
    switch_language_label: "Switch to English",
    sample_notice: "示例数据：正式名录导入之前，这里的代表之家名称、地址和电话仅供演示。",
    footer: "呼和浩特市人大常委会 · 人大代表之家",
    loading: "正在加载…",
    retry: "重试",
    error_network: "无法连接服务器。请检查网络后重试。",
    error_server: "服务器暂时出错，请稍后重试。",
    error_bad_request: "查询条件有误，请修改后重试。",
    list_heading: "找到身边的人大代表之家",
    search_label: "搜索名称、地区、街道或专业领域",
    search_placeholder: "例如：海拉尔东路、法律",
    search_button: "搜索",
    district_label: "旗县区",
    all_districts: "全部旗县区",
    type_label: "类型",
    all_types: "全部类型",
    professional_all: "全部专业代表之家（7个）",
    professional_heading: "专业人大代表之家",
    near_me: "离我最近",
    locating: "正在获取位置…",
    sorted_by_distance: "已按离您的距离排序",
    stop_near_me: "取消按距离排序",
    geo_denied: "未获得定位权限。您可以在浏览器设置中允许定位，或按旗县区查找。",
    geo_unavailable: "暂时无法获取您的位置。请稍后重试，或按旗县区查找。",
    geo_timeout: "获取位置超时。请重试，或按旗县区查找。",
    geo_unsupported: "此浏览器不支持定位。请按旗县区或名称查找。",
    result_count: |n| format!("共找到 {n} 个代表之家"),
    no_results: "没有找到符合条件的代表之家。请换个关键词，或清除筛选。",
    clear_filters: "清除筛选",
    distance,
    open_until: |t| format!("正在开放，{t} 结束"),
    closed_opens_today: |t| format!("未开放，今天 {t} 开放"),
    closed_opens_on: |day, t| format!("未开放，{day} {t} 开放"),
    never_open: "暂无开放时间",
    weekdays: ["周一", "周二", "周三", "周四", "周五", "周六", "周日"],
    today: "今天",
    closed_day: "休息",
    hours_heading: "开放时间",
    hours_note: "北京时间",
    address_heading: "地址",
    phone_heading: "电话",
    call: |p| format!("拨打 {p}"),
    facilities_heading: "无障碍与设施",
    no_facilities: "暂未登记设施信息",
    about_heading: "简介",
    directions_heading: "导航前往",
    directions_note: "在地图应用中打开，坐标已按各应用的坐标系换算。",
    nav_amap: "高德地图",
    nav_baidu: "百度地图",
    nav_default_app: "手机自带地图",
    back_to_list: "返回列表",
    home_not_found: "找不到这个代表之家，它可能已从名录中移除。",
    page_not_found: "找不到这个页面。",
    map_heading: "代表之家分布图",
    map_intro: |n| {
        format!("图中每个圆点是一个代表之家，共 {n} 个。点圆点可查看详情；下方按旗县区列出全部代表之家。")
    },
    map_city: "全市",
    map_urban: "市区（四区）",
    map_legend_professional: "金色描边的大圆点是专业代表之家。",
    map_city_centre: "市区",
    map_by_district: "按旗县区查看",
    homes_count: |n| format!("{n} 个"),
    view_list: "查看列表",
    nav_sign_in: "登录",
    nav_account: "我的账户",
    sign_in_heading: "代表和工作人员登录",
    sign_in_intro: "群众查找代表之家无需登录。人大代表和常委会工作人员请在此登录。",
    login_label: "用户名或手机号",
    password_label: "密码",
    sign_in_button: "登录",
    signing_in: "正在登录…",
    error_required: "请填写用户名（或手机号）和密码。",
    error_bad_credentials: "用户名、手机号或密码不正确。",
    error_too_many_attempts: "登录失败次数过多，请 15 分钟后再试。",
    account_heading: "我的账户",
    signed_in_as: |name| format!("已登录：{name}"),
    account_homes: "所属代表之家",
    account_no_homes: "未分配到代表之家。",
    sign_out: "退出登录",
    signed_out: "您尚未登录，或已退出登录。",
    demo_account_notice: "这是随示例数据创建的演示账户，仅供体验。",
    role_name,
    activities_heading: "近期活动",
    no_activities: "暂无已发布的活动。",
    activities_unavailable: "活动信息暂时无法加载。",
    activity_kind,
    on_duty: |names| format!("值班代表：{names}"),
    capacity: |n| format!("名额 {n} 人"),
    cancelled: |reason| format!("已取消：{reason}"),
    activity_kind_label: "活动类型",
    activity_date: "日期",
    activity_start: "开始时间",
    activity_end: "结束时间",
    activity_topic: "主题",
    activity_capacity: "名额（人）",
    activity_repeat: "每周重复（周数）",
    activity_form: "表单",
    check_field: |label| format!("请检查“{label}”。"),
    session_ended: "登录已失效，请重新登录。",
    published: |n| format!("已发布 {n} 场活动。"),
    publish_button: "发布活动",
    publish_heading: |home| format!("在{home}发布活动"),
    staff_accounts_link: "管理账户",
    staff_accounts_heading: "账户管理",
    staff_accounts_intro: "为人大代表和工作人员开设账户，并指定代表所属的代表之家。",
    staff_only: "只有常委会工作人员可以管理账户。",
    staff_sign_in_first: "请先以常委会工作人员身份登录。",
    accounts_list_heading: "全部账户",
    accounts_search_label: "按姓名或用户名查找",
    accounts_shown: |shown, total| {
        if shown == total {
            format!("共 {total} 个账户")
        } else {
            format!("显示 {shown} 个，共 {total} 个账户")
        }
    },
    accounts_none_match: "没有符合条件的账户。",
    username_shown: |u| format!("用户名：{u}"),
    phone_shown: |p| format!("手机：{p}"),
    create_account_heading: "新建账户",
    display_name_label: "姓名",
    username_label: "用户名",
    username_hint: "3–32 位小写字母、数字或 _ . -，以字母开头。",
    phone_label: "手机号（选填，可用于登录）",
    initial_password_label: "初始密码",
    password_hint: "至少 10 个字符。请当面或电话告知本人。",
    role_label: "角色",
    homes_label: "所属代表之家",
    homes_search_label: "查找代表之家",
    homes_selected: |n| format!("已选 {n} 个"),
    homes_none_match: "没有符合的代表之家。",
    homes_unavailable: "代表之家名录暂时无法加载。",
    staff_have_no_homes: "工作人员账户不属于任何代表之家。",
    create_account_button: "创建账户",
    creating_account: "正在创建…",
    account_created: |name| format!("已创建账户：{name}。"),
    edit_homes_button: "修改所属代表之家",
    save_homes_button: "保存",
    cancel_button: "取消",
    homes_saved: "已保存所属代表之家。",
    invalid_display_name: "请填写姓名（不超过 50 个字）。",
    invalid_username: "用户名须为 3–32 位小写字母、数字或 _ . -，并以字母开头。",
    invalid_phone: "手机号须为 11 位数字，以 13–19 开头。",
    invalid_password: "密码至少 10 个字符（不超过 256 字节）。",
    invalid_homes: "请重新选择代表之家：所选的代表之家不在名录中。",
    username_taken: "该用户名已被使用，请换一个。",
    phone_taken: "该手机号已被其他账户使用。",
    form_has_errors: "请按提示修改后再提交。",
    server_said: |m| format!("服务器拒绝了请求：{m}"),
    district_name: District::name_zh,
    type_name,
    field_name,
    facility_name,
};
