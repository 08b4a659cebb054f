//! A representatives' home (人大代表之家) as it crosses the wire.

use crate::{District, WeeklyHours};
use serde::{Deserialize, Serialize};

/// What kind of home it is. The last seven are the professional homes (专业人大代表之家).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum HomeType {
    /// The home of a whole county-level area (旗县区人大代表之家).
    District,
    /// A subdistrict's home (街道).
    Street,
    /// A town's or township's home (镇/乡).
    Town,
    Law,
    Education,
    Enterprise,
    MedicineHealth,
    Agriculture,
    PrivateEnterprise,
    EcologyEnvironment,
}

impl HomeType {
    /// Every type, the three local ones first, then the seven professional ones.
    pub const ALL: [HomeType; 10] = [
        HomeType::District,
        HomeType::Street,
        HomeType::Town,
        HomeType::Law,
        HomeType::Education,
        HomeType::Enterprise,
        HomeType::MedicineHealth,
        HomeType::Agriculture,
        HomeType::PrivateEnterprise,
        HomeType::EcologyEnvironment,
    ];

    /// The wire code.
    pub fn code(self) -> &'static str {
        match self {
            HomeType::District => "district",
            HomeType::Street => "street",
            HomeType::Town => "town",
            HomeType::Law => "law",
            HomeType::Education => "education",
            HomeType::Enterprise => "enterprise",
            HomeType::MedicineHealth => "medicine_health",
            HomeType::Agriculture => "agriculture",
            HomeType::PrivateEnterprise => "private_enterprise",
            HomeType::EcologyEnvironment => "ecology_environment",
        }
    }

    /// Parses a wire code.
    pub fn from_code(code: &str) -> Option<HomeType> {
        HomeType::ALL.into_iter().find(|t| t.code() == code)
    }

    /// Whether this is one of the seven professional homes.
    pub fn is_professional(self) -> bool {
        !matches!(self, HomeType::District | HomeType::Street | HomeType::Town)
    }

    /// Chinese words a citizen may search for to find homes of this type (the professional field).
    pub fn search_terms_zh(self) -> &'static str {
        match self {
            HomeType::District => "旗县区",
            HomeType::Street => "街道 社区",
            HomeType::Town => "乡镇 苏木",
            HomeType::Law => "专业 法律 法治 司法",
            HomeType::Education => "专业 教育 学校",
            HomeType::Enterprise => "专业 企业 工业",
            HomeType::MedicineHealth => "专业 医药 卫生 医疗 健康",
            HomeType::Agriculture => "专业 农业 农村 畜牧",
            HomeType::PrivateEnterprise => "专业 民营企业 民营经济",
            HomeType::EcologyEnvironment => "专业 生态 环境 环保",
        }
    }
}

/// An access facility at a home's premises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Facility {
    StepFreeEntrance,
    AccessibleToilet,
    HearingLoop,
    Parking,
    AccessibleParking,
    Lift,
    SignLanguage,
    LargePrint,
    WheelchairLoan,
}

impl Facility {
    /// Every facility, in display order.
    pub const ALL: [Facility; 9] = [
        Facility::StepFreeEntrance,
        Facility::AccessibleToilet,
        Facility::HearingLoop,
        Facility::Parking,
        Facility::AccessibleParking,
        Facility::Lift,
        Facility::SignLanguage,
        Facility::LargePrint,
        Facility::WheelchairLoan,
    ];

    /// The wire and register code.
    pub fn code(self) -> &'static str {
        match self {
            Facility::StepFreeEntrance => "step_free_entrance",
            Facility::AccessibleToilet => "accessible_toilet",
            Facility::HearingLoop => "hearing_loop",
            Facility::Parking => "parking",
            Facility::AccessibleParking => "accessible_parking",
            Facility::Lift => "lift",
            Facility::SignLanguage => "sign_language",
            Facility::LargePrint => "large_print",
            Facility::WheelchairLoan => "wheelchair_loan",
        }
    }

    /// Parses a code.
    pub fn from_code(code: &str) -> Option<Facility> {
        Facility::ALL.into_iter().find(|f| f.code() == code)
    }
}

/// Everything the register holds about one home.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Home {
    /// Stable id, kept across imports (`xc-01`, `pro-law`).
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
    #[serde(rename = "type")]
    pub home_type: HomeType,
    pub district: District,
    /// The subdistrict or town (街道/镇/乡) it is in.
    pub street: String,
    pub address: String,
    /// WGS-84 latitude in degrees.
    pub lat: f64,
    /// WGS-84 longitude in degrees.
    pub lon: f64,
    pub phone: String,
    pub hours: WeeklyHours,
    pub facilities: Vec<Facility>,
    pub description_zh: String,
    pub description_en: String,
    /// The name in traditional Mongolian script (UTN #57), when the register gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_mn: Option<String>,
    /// The address in traditional Mongolian script (UTN #57), when the register gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_mn: Option<String>,
}

/// A home as listed, with its distance when the list was sorted by distance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HomeSummary {
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
    #[serde(rename = "type")]
    pub home_type: HomeType,
    pub district: District,
    pub street: String,
    pub address: String,
    pub lat: f64,
    pub lon: f64,
    pub hours: WeeklyHours,
    /// Metres from the position given in the query, when one was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distance_m: Option<f64>,
    /// The name in traditional Mongolian script, when the register gives one (absent, not
    /// `null`, otherwise: the list's bytes count).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_mn: Option<String>,
    /// The address in traditional Mongolian script, when the register gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_mn: Option<String>,
}

impl HomeSummary {
    /// The list form of a home, with an optional distance.
    pub fn from_home(home: &Home, distance_m: Option<f64>) -> Self {
        HomeSummary {
            id: home.id.clone(),
            name_zh: home.name_zh.clone(),
            name_en: home.name_en.clone(),
            home_type: home.home_type,
            district: home.district,
            street: home.street.clone(),
            address: home.address.clone(),
            lat: home.lat,
            lon: home.lon,
            hours: home.hours.clone(),
            distance_m,
            name_mn: home.name_mn.clone(),
            address_mn: home.address_mn.clone(),
        }
    }
}

/// Where the register in the database came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegisterInfo {
    /// True while the shipped sample register is in use, until the official one is imported.
    pub sample: bool,
    /// Number of homes in the whole register.
    pub total: usize,
}

/// Body of `GET /api/homes`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HomesResponse {
    pub register: RegisterInfo,
    /// The homes that match, in register order or nearest first.
    pub items: Vec<HomeSummary>,
}
