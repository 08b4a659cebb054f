//! The words of sample data: activity topics, opinions and replies in Chinese, and invented
//! names and phones. Every name ends in （示例） and every phone is in the range
//! 199 0000 0000 – 199 0999 9999, so nobody takes a sample row for a real citizen's.

use deputy_homes_api::meetings::activity::ActivityKind;
use deputy_homes_api::opinions::Category;

/// Topics of each kind of activity.
pub fn activity_topics(kind: ActivityKind) -> &'static [&'static str] {
    match kind {
        ActivityKind::Reception => &[
            "代表接待日：倾听社情民意",
            "代表接待日：老旧小区改造意见征集",
            "代表接待日：养老服务与助餐点",
            "代表接待日：物业管理与停车难",
        ],
        ActivityKind::VoterMeeting => &[
            "民生议题座谈会",
            "与选民见面：社区环境整治",
            "与选民见面：学校周边交通安全",
        ],
        ActivityKind::DutyReport => &["代表述职评议会", "年度履职情况报告会"],
        ActivityKind::Training => &["代表履职能力学习培训", "民法典专题学习"],
        ActivityKind::ConvenienceService => &[
            "便民服务：法律咨询",
            "便民服务：义诊与健康讲座",
            "便民服务：社保政策咨询",
        ],
    }
}

/// A few opinions of each category: title and body.
pub fn opinions(category: Category) -> &'static [(&'static str, &'static str)] {
    match category {
        Category::UrbanConstruction => &[
            ("小区加装电梯进展缓慢", "我们小区是上世纪九十年代的老楼，老人上下楼困难，加装电梯的申请已提交半年，希望加快审批。"),
            ("老旧小区雨污管网需改造", "每逢下雨小区主干道积水严重，雨污合流，气味难闻，建议列入今年老旧小区改造计划。"),
        ],
        Category::Transport => &[
            ("学校门口早晚高峰拥堵", "上学放学时段学校门口车辆乱停，孩子过马路很危险，建议增设临时停车区和交通协管员。"),
            ("公交线路间隔太长", "小区附近的公交车高峰期也要等二十多分钟，建议加密班次或增开社区微循环线路。"),
        ],
        Category::Education => &[
            ("社区缺少托育服务", "双职工家庭多，社区附近没有普惠托育机构，建议利用闲置用房开设托育点。"),
            ("课后服务时间与下班时间不衔接", "学校课后服务五点结束，家长六点才下班，希望延长课后服务或提供看护。"),
        ],
        Category::Health => &[
            ("社区卫生服务站药品不全", "常用的慢性病药物在社区卫生服务站经常缺货，老人只能去大医院开药，很不方便。"),
            ("希望增加家庭医生上门服务", "行动不便的老人看病难，建议家庭医生签约后能定期上门随访。"),
        ],
        Category::EcologyEnvironment => &[
            ("河道附近有异味", "夏季河道水位低时异味明显，影响周边居民开窗通风，建议排查排污口。"),
            ("夜间施工噪音扰民", "附近工地经常夜间施工到十二点以后，严重影响休息，希望加强监管。"),
        ],
        Category::BusinessEnvironment => &[
            ("个体工商户办证流程繁琐", "开一家小店需要跑好几个窗口，建议推行一窗受理、网上办理。"),
            ("农贸市场摊位费上涨过快", "今年摊位费涨了三成，小商户负担重，希望有关部门核查收费依据。"),
        ],
        Category::SocialSecurity => &[
            ("社区养老助餐点太少", "辖区老年人多，但助餐点只有一个，距离远，建议增设并提供送餐服务。"),
            ("灵活就业人员参保咨询难", "灵活就业人员缴纳社保的政策不清楚，窗口解释不一致，希望统一口径并加强宣传。"),
        ],
        Category::PublicSafety => &[
            ("小区消防通道被占用", "消防通道长期停满私家车，一旦发生火灾后果不堪设想，建议物业和有关部门联合整治。"),
            ("路灯损坏多日无人维修", "小区外道路有多盏路灯不亮，夜间出行不安全，希望尽快维修。"),
        ],
        Category::Other => &[
            ("建议延长代表之家开放时间", "上班族工作日很难在开放时间到代表之家反映问题，建议周末安排接待。"),
            ("希望公开代表联系方式", "不少居民不知道怎样联系本选区代表，建议在社区公告栏公布联系方式。"),
        ],
    }
}

/// What a unit replies, by class (A solved, B being solved, C kept for reference).
pub const REPLIES: [&str; 3] = [
    "经核实，您反映的问题已协调有关部门解决，感谢您对我市工作的关心和支持。",
    "您反映的问题已列入年度工作计划，目前正在推进，预计年内完成，我们将持续跟进。",
    "您的建议很有价值，受现有条件所限暂时难以实施，我们将作为今后工作的参考。",
];

/// What a citizen says when rating, from satisfied to not.
pub const RATING_COMMENTS: [&str; 3] = [
    "问题解决了，感谢！",
    "基本满意，希望后续继续关注。",
    "答复比较笼统，问题仍未解决。",
];

/// The note staff leave when accepting an opinion.
pub const ACCEPT_NOTE: &str = "已受理，将转交有关承办单位办理。";

/// What the citizen is told when an opinion is not accepted.
pub const REJECT_MESSAGE: &str =
    "您反映的事项已进入诉讼程序，依照规定不予受理，请通过司法途径解决。";

const SURNAMES: [&str; 12] = [
    "王",
    "李",
    "张",
    "刘",
    "陈",
    "杨",
    "赵",
    "黄",
    "周",
    "吴",
    "乌",
    "其其格",
];

/// An invented name: a surname, a title and （示例）.
pub fn citizen_name(n: usize) -> String {
    let title = if n.is_multiple_of(2) {
        "先生"
    } else {
        "女士"
    };
    format!("{}{title}（示例）", SURNAMES[n % SURNAMES.len()])
}

/// An invented mobile number, in 199 0000 0000 – 199 0999 9999.
pub fn citizen_phone(n: usize) -> String {
    format!("1990{:07}", n % 10_000_000)
}

/// What a citizen wants to raise at an activity.
pub const BOOKING_TOPICS: [&str; 4] = ["小区停车难", "老年助餐", "孩子入学", ""];

#[cfg(test)]
mod tests {
    use super::*;
    use deputy_homes_api::accounts::MobileNumber;

    #[test]
    fn invented_phones_are_valid_mobile_numbers_in_the_documented_range() {
        for n in [0, 1, 9_999_999, 10_000_000, 123_456_789] {
            let phone = citizen_phone(n);
            assert!(MobileNumber::parse(&phone).is_ok(), "{phone}");
            assert!(phone.starts_with("1990"), "{phone}");
        }
    }

    #[test]
    fn invented_names_say_they_are_samples() {
        assert!(citizen_name(3).ends_with("（示例）"));
        assert!(citizen_name(3).chars().count() <= 30);
    }
}
