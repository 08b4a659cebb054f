//! The office's strings for livelihood projects (民生实事), in Chinese, English and traditional
//! Mongolian (a first draft awaiting review): one value of [`ProjectOffice`] per language,
//! reached as `Catalog::project_office`.

use super::fill;
use deputy_homes_api::projects::adoption::CandidateOutcome;
use deputy_homes_api::projects::progress::{DelegatesEvaluation, EvaluationState, ProjectFlag};
use deputy_homes_api::projects::satisfaction::Satisfaction;
use deputy_homes_api::projects::{CyclePhase, ProposalStatus};

texts! {
    /// The strings of the office's project screens in one language (see [`super::CatalogText`]).
    pub struct OfficeText {
        staff_heading,
        staff_intro,
        delegate_heading,
        delegates_only,
        card_heading,
        congress_city,
        cycle_not_found,
        cycles_heading,
        no_cycles,
        new_cycle_heading,
        congress_label,
        year_label,
        new_cycle_button,
        next_phase_heading,
        confirm_move,
        cancel,
        to_adopt_label,
        to_adopt_hint,
        to_adopt_button,
        members_hint,
        members_legend,
        members_save,
        members_saved,
        no_proposals,
        merge_summary,
        merge_into_label,
        choose_one,
        merge_button,
        decline_summary,
        decline_reason_label,
        decline_reason_hint,
        decline_button,
        candidates_heading,
        withdrawn,
        withdraw_button,
        new_candidate_heading,
        candidate_title_label,
        candidate_summary_label,
        unit_label,
        budget_label,
        budget_input_label,
        target_label,
        deadline_label,
        origin_legend,
        add_candidate_button,
        ballot_heading,
        review_button,
        review_heading,
        review_blank,
        review_final,
        confirm_button,
        change_button,
        receipt_heading,
        receipt_intro,
        receipt_keep,
        receipt_check,
        receipt_secret,
        already_voted,
        not_eligible,
        results_heading,
        adopted_heading,
        none_adopted,
        progress_label,
        progress_heading,
        no_progress,
        inspections_heading,
        no_inspections,
        post_progress,
        percent_label,
        done_label,
        delay_label,
        delay_hint,
        lower_label,
        lower_hint,
        progress_posted,
        post_progress_button,
        inspect_summary,
        notes_label,
        inspection_recorded,
        inspect_button,
        evaluation_heading,
        evaluation_staff_hint,
        evaluation_open_button,
        evaluation_close_button,
        evaluation_not_open,
        evaluation_closed,
        already_evaluated,
        not_eligible_evaluation,
        evaluation_intro,
        evaluation_button,
        evaluation_counted,
        evaluation_receipt_check,
        error_year,
        error_congress,
        error_taken,
        error_to_adopt,
        error_into,
        error_reason,
        error_title,
        error_summary,
        error_unit,
        error_budget,
        error_target,
        error_deadline,
        error_proposals,
        error_members,
        error_choices,
        error_percent,
        error_done,
        error_delay_reason,
        error_lower_reason,
        error_notes,
        error_evaluate_each,
        error_wrong_phase,
        error_no_margin,
        error_no_electors,
        error_not_adopted,
        error_gone,
        error_not_member,
        /// The cycle's own title, shown on its public pages.
        cycle_title_label,
        cycle_title_hint,
        cycle_title_save,
        cycle_title_saved,
        evaluation_refresh,
        /// Finding a delegate by name in a congress's member list.
        members_search,
        members_none_found,
            // ---- the words of the code (see `super::fill`) ----
        vote_now,
        follow_projects,
        congress_of,
        cycle_title,
        phase_preparing,
        phase_collecting,
        phase_shortlisting,
        phase_voting,
        phase_closed,
        phase_explained_preparing,
        phase_explained_collecting,
        phase_explained_shortlisting,
        phase_explained_voting,
        phase_explained_closed,
        vote_phase_words_preparing,
        vote_phase_words_collecting,
        vote_phase_words_shortlisting,
        vote_phase_words_voting,
        vote_phase_words_closed,
        cycle_numbers_unset,
        cycle_numbers_to_adopt,
        cycle_numbers_eligible_unset,
        cycle_numbers_eligible,
        cycle_numbers,
        move_to,
        move_confirm_collecting,
        move_confirm_shortlisting,
        move_confirm_voting,
        move_confirm_closed,
        move_confirm_preparing,
        members_summary,
        proposals_heading,
        supporters_one,
        supporters_other,
        proposal_status_open,
        proposal_status_merged,
        proposal_status_declined,
        merged_into,
        declined_because,
        margin_words_unset,
        margin_words_enough,
        margin_words_short,
        from_proposals,
        choose_up_to,
        chosen_count,
        choice_limit,
        review_chosen_one,
        review_chosen_other,
        turnout,
        outcome_adopted,
        outcome_tied_at_cut_off,
        outcome_out_of_places,
        outcome_no_majority,
        result_line_one,
        result_line_other,
        votes_of,
        percent_done,
        flag_words_update_overdue,
        flag_words_past_deadline,
        delay_words,
        lower_words,
        evaluation_nobody,
        evaluation_result,
        evaluation_state_words_open,
        evaluation_state_words_closed,
        satisfaction_satisfied,
        satisfaction_basically_satisfied,
        satisfaction_dissatisfied,
        evaluation_progress,
    }
}

/// The office's project screens in one language: the strings ([`OfficeText`], which this
/// derefs to); its sentences are methods shared by every language.
pub struct ProjectOffice {
    /// The strings.
    pub(super) text: &'static OfficeText,
}

/// The office's code of every language, written once.
impl ProjectOffice {
    pub fn vote_now(&self, title: &str) -> String {
        fill(self.text.vote_now, &[("title", title)])
    }

    pub fn follow_projects(&self, title: &str) -> String {
        fill(self.text.follow_projects, &[("title", title)])
    }

    pub fn congress_of(&self, district: &str) -> String {
        fill(self.text.congress_of, &[("district", district)])
    }

    pub fn cycle_title(&self, year: i32, congress: &str) -> String {
        fill(
            self.text.cycle_title,
            &[("year", &year.to_string()), ("congress", congress)],
        )
    }

    pub fn phase_name(&self, v: CyclePhase) -> &'static str {
        match v {
            CyclePhase::Preparing => self.text.phase_preparing,
            CyclePhase::Collecting => self.text.phase_collecting,
            CyclePhase::Shortlisting => self.text.phase_shortlisting,
            CyclePhase::Voting => self.text.phase_voting,
            CyclePhase::Closed => self.text.phase_closed,
        }
    }

    pub fn phase_explained(&self, v: CyclePhase) -> &'static str {
        match v {
            CyclePhase::Preparing => self.text.phase_explained_preparing,
            CyclePhase::Collecting => self.text.phase_explained_collecting,
            CyclePhase::Shortlisting => self.text.phase_explained_shortlisting,
            CyclePhase::Voting => self.text.phase_explained_voting,
            CyclePhase::Closed => self.text.phase_explained_closed,
        }
    }

    pub fn vote_phase_words(&self, v: CyclePhase) -> &'static str {
        match v {
            CyclePhase::Preparing => self.text.vote_phase_words_preparing,
            CyclePhase::Collecting => self.text.vote_phase_words_collecting,
            CyclePhase::Shortlisting => self.text.vote_phase_words_shortlisting,
            CyclePhase::Voting => self.text.vote_phase_words_voting,
            CyclePhase::Closed => self.text.vote_phase_words_closed,
        }
    }

    pub fn cycle_numbers(&self, to_adopt: u32, eligible: u32) -> String {
        let t = self.text;
        let to_adopt = if to_adopt == 0 {
            t.cycle_numbers_unset.to_owned()
        } else {
            fill(
                t.cycle_numbers_to_adopt,
                &[("to_adopt", &to_adopt.to_string())],
            )
        };
        let eligible = if eligible == 0 {
            t.cycle_numbers_eligible_unset.to_owned()
        } else {
            fill(
                t.cycle_numbers_eligible,
                &[("eligible", &eligible.to_string())],
            )
        };
        fill(
            t.cycle_numbers,
            &[("to_adopt", &to_adopt), ("eligible", &eligible)],
        )
    }

    pub fn move_to(&self, p: CyclePhase) -> String {
        fill(self.text.move_to, &[("p", self.phase_name(p))])
    }

    pub fn move_confirm(&self, v: CyclePhase) -> &'static str {
        match v {
            CyclePhase::Collecting => self.text.move_confirm_collecting,
            CyclePhase::Shortlisting => self.text.move_confirm_shortlisting,
            CyclePhase::Voting => self.text.move_confirm_voting,
            CyclePhase::Closed => self.text.move_confirm_closed,
            CyclePhase::Preparing => self.text.move_confirm_preparing,
        }
    }

    pub fn members_summary(&self, congress: &str, n: usize) -> String {
        fill(
            self.text.members_summary,
            &[("congress", congress), ("n", &n.to_string())],
        )
    }

    pub fn proposals_heading(&self, n: usize) -> String {
        fill(self.text.proposals_heading, &[("n", &n.to_string())])
    }

    pub fn supporters(&self, n: u32) -> String {
        let text = if n == 1 {
            self.text.supporters_one
        } else {
            self.text.supporters_other
        };
        fill(text, &[("n", &n.to_string())])
    }

    pub fn proposal_status(&self, v: ProposalStatus) -> &'static str {
        match v {
            ProposalStatus::Open => self.text.proposal_status_open,
            ProposalStatus::Merged => self.text.proposal_status_merged,
            ProposalStatus::Declined => self.text.proposal_status_declined,
        }
    }

    pub fn merged_into(&self, n: &str) -> String {
        fill(self.text.merged_into, &[("n", n)])
    }

    pub fn declined_because(&self, r: &str) -> String {
        fill(self.text.declined_because, &[("r", r)])
    }

    pub fn margin_words(&self, listed: usize, to_adopt: u32) -> String {
        let t = self.text;
        let text = if to_adopt == 0 {
            t.margin_words_unset
        } else if listed > to_adopt as usize {
            t.margin_words_enough
        } else {
            t.margin_words_short
        };
        fill(
            text,
            &[
                ("listed", &listed.to_string()),
                ("to_adopt", &to_adopt.to_string()),
            ],
        )
    }

    pub fn from_proposals(&self, list: &str) -> String {
        fill(self.text.from_proposals, &[("list", list)])
    }

    pub fn choose_up_to(&self, n: u32) -> String {
        fill(self.text.choose_up_to, &[("n", &n.to_string())])
    }

    pub fn chosen_count(&self, k: usize, n: u32) -> String {
        fill(
            self.text.chosen_count,
            &[("k", &k.to_string()), ("n", &n.to_string())],
        )
    }

    pub fn choice_limit(&self, n: u32) -> String {
        fill(self.text.choice_limit, &[("n", &n.to_string())])
    }

    pub fn review_chosen(&self, k: usize) -> String {
        let text = if k == 1 {
            self.text.review_chosen_one
        } else {
            self.text.review_chosen_other
        };
        fill(text, &[("k", &k.to_string())])
    }

    pub fn turnout(&self, cast: u32, eligible: u32) -> String {
        fill(
            self.text.turnout,
            &[
                ("cast", &cast.to_string()),
                ("eligible", &eligible.to_string()),
            ],
        )
    }

    pub fn result_line(&self, votes: u32, outcome: CandidateOutcome) -> String {
        let t = self.text;
        let outcome = match outcome {
            CandidateOutcome::Adopted => t.outcome_adopted,
            CandidateOutcome::TiedAtCutOff => t.outcome_tied_at_cut_off,
            CandidateOutcome::OutOfPlaces => t.outcome_out_of_places,
            CandidateOutcome::NoMajority => t.outcome_no_majority,
        };
        let text = if votes == 1 {
            t.result_line_one
        } else {
            t.result_line_other
        };
        fill(text, &[("votes", &votes.to_string()), ("outcome", outcome)])
    }

    pub fn votes_of(&self, votes: u32, eligible: u32) -> String {
        fill(
            self.text.votes_of,
            &[
                ("votes", &votes.to_string()),
                ("eligible", &eligible.to_string()),
            ],
        )
    }

    pub fn percent_done(&self, p: u32) -> String {
        fill(self.text.percent_done, &[("p", &p.to_string())])
    }

    pub fn flag_words(&self, v: ProjectFlag) -> &'static str {
        match v {
            ProjectFlag::UpdateOverdue => self.text.flag_words_update_overdue,
            ProjectFlag::PastDeadline => self.text.flag_words_past_deadline,
        }
    }

    pub fn delay_words(&self, r: &str) -> String {
        fill(self.text.delay_words, &[("r", r)])
    }

    pub fn lower_words(&self, r: &str) -> String {
        fill(self.text.lower_words, &[("r", r)])
    }

    pub fn evaluation_result(&self, e: &DelegatesEvaluation) -> String {
        let result = e
            .result
            .map_or(self.text.evaluation_nobody, |s| self.satisfaction_name(s));
        fill(
            self.text.evaluation_result,
            &[
                ("result", result),
                ("satisfied", &e.satisfied.to_string()),
                ("basically_satisfied", &e.basically_satisfied.to_string()),
                ("dissatisfied", &e.dissatisfied.to_string()),
                ("eligible", &e.eligible.to_string()),
            ],
        )
    }

    pub fn evaluation_state_words(&self, v: EvaluationState) -> &'static str {
        match v {
            EvaluationState::Open => self.text.evaluation_state_words_open,
            EvaluationState::Closed => self.text.evaluation_state_words_closed,
        }
    }

    pub fn satisfaction_name(&self, v: Satisfaction) -> &'static str {
        match v {
            Satisfaction::Satisfied => self.text.satisfaction_satisfied,
            Satisfaction::BasicallySatisfied => self.text.satisfaction_basically_satisfied,
            Satisfaction::Dissatisfied => self.text.satisfaction_dissatisfied,
        }
    }

    pub fn evaluation_progress(&self, done: u32, of: u32) -> String {
        fill(
            self.text.evaluation_progress,
            &[("done", &done.to_string()), ("of", &of.to_string())],
        )
    }
}

impl std::ops::Deref for ProjectOffice {
    type Target = OfficeText;

    fn deref(&self) -> &OfficeText {
        self.text
    }
}

/// The Chinese strings.
pub const ZH_TEXT: OfficeText = OfficeText {
    staff_heading: "民生实事项目",
    staff_intro: "每级人大每年一轮：征集项目、初定候选项目、代表票决、跟踪实施、年终评议。",
    delegate_heading: "民生实事项目票决",
    delegates_only: "这一页是人大代表投票、视察和评议用的。工作人员请到“民生实事项目”管理页。",
    card_heading: "民生实事项目",
    congress_city: "呼和浩特市人大",
    cycle_not_found: "找不到这一轮民生实事项目，请返回后再试。",
    cycles_heading: "各轮项目",
    no_cycles: "还没有任何一轮。",
    new_cycle_heading: "新建一轮",
    congress_label: "人大",
    year_label: "年度",
    new_cycle_button: "新建",
    next_phase_heading: "下一阶段",
    confirm_move: "确定",
    cancel: "取消",
    to_adopt_label: "拟确定项目数",
    to_adopt_hint: "1 到 50。候选项目数须多于这个数（差额票决）。",
    to_adopt_button: "保存项目数",
    members_hint: "勾选属于本级人大的代表。开始投票（或开启年终评议）时，名单中的代表获得投票（评议）资格。",
    members_legend: "代表",
    members_save: "保存代表名单",
    members_saved: "代表名单已保存。",
    no_proposals: "还没有项目建议。",
    merge_summary: "合并为重复建议",
    merge_into_label: "并入哪条建议",
    choose_one: "请选择",
    merge_button: "合并",
    decline_summary: "不予采纳",
    decline_reason_label: "理由",
    decline_reason_hint: "理由会公开显示在建议页上，2 到 300 个字。",
    decline_button: "不予采纳",
    candidates_heading: "候选项目清单",
    withdrawn: "已撤下",
    withdraw_button: "撤下这个候选项目",
    new_candidate_heading: "起草候选项目",
    candidate_title_label: "项目名称",
    candidate_summary_label: "项目内容",
    unit_label: "责任单位",
    budget_label: "预算",
    budget_input_label: "预算（元，整数）",
    target_label: "目标",
    deadline_label: "完成时限",
    origin_legend: "来源建议（至少选一条）",
    add_candidate_button: "加入候选清单",
    ballot_heading: "选票",
    review_button: "核对选票",
    review_heading: "核对你的选票",
    review_blank: "你没有选择任何项目：这将是一张空白票。",
    review_final: "投出后不能更改。投票不记名：系统只记录你已投票，不记录你选了什么。",
    confirm_button: "确认投出",
    change_button: "返回修改",
    receipt_heading: "投票成功，你的选票已计入",
    receipt_intro: "这是你的选票凭证码，只显示这一次，请抄下或截图保存：",
    receipt_keep: "凭证码不会显示你选了什么，也无法由它查出是谁投的票。",
    receipt_check: "投票结束后，公开的票决结果会列出全部选票凭证的“指纹”（凭证码的 SHA-256 值）。在名单中找到你的凭证码对应的指纹，就说明你的选票已被计入。",
    receipt_secret: "离开这一页后，凭证码不会再显示。",
    already_voted: "你已经投过票了。每位代表只能投一次票；投票内容保密，任何人都看不到你选了什么。",
    not_eligible: "你不在这一级人大的代表名单中（以开始投票时为准），不能在这一轮投票。如有疑问，请联系人大工作人员。",
    results_heading: "票决结果",
    adopted_heading: "确定的民生实事项目",
    none_adopted: "这一轮没有确定任何项目。",
    progress_label: "完成进度",
    progress_heading: "实施进展",
    no_progress: "还没有发布进展。",
    inspections_heading: "代表视察",
    no_inspections: "还没有视察记录。",
    post_progress: "发布进展",
    percent_label: "完成比例（%）",
    done_label: "做了什么",
    delay_label: "延期原因（如有延期）",
    delay_hint: "没有延期就空着。",
    lower_label: "进度下调原因",
    lower_hint: "只有比例比上一次低时才需要填写。",
    progress_posted: "进展已发布。",
    post_progress_button: "发布",
    inspect_summary: "记录视察",
    notes_label: "视察记录",
    inspection_recorded: "视察记录已保存。",
    inspect_button: "保存视察记录",
    evaluation_heading: "年终评议",
    evaluation_staff_hint: "开启后，本级人大代表对每个项目评议一次（满意、基本满意、不满意，不记名）；结束后按公开规则公布结果。",
    evaluation_open_button: "开启年终评议",
    evaluation_close_button: "结束年终评议并公布结果",
    evaluation_not_open: "年终评议尚未开始。",
    evaluation_closed: "年终评议已结束，结果见各项目。",
    already_evaluated: "你已经评议过了。评议不记名，任何人都看不到你的选择。",
    not_eligible_evaluation: "你不在这一级人大的代表名单中（以开启评议时为准），不能参加这次评议。",
    evaluation_intro: "请对每个项目选择一项。评议不记名，提交后不能更改。",
    evaluation_button: "提交评议",
    evaluation_counted: "评议已提交",
    evaluation_receipt_check: "评议结束后，公开的评议凭证名单会列出全部凭证码的“指纹”（SHA-256 值），可据此核对你的评议已被计入。",
    error_year: "年度须为 2000 到 2100 之间的数字。",
    error_congress: "请选择人大。",
    error_taken: "这一级人大这一年已经有一轮了。",
    error_to_adopt: "拟确定项目数须为 1 到 50。",
    error_into: "请选择要并入的建议。",
    error_reason: "理由须为 2 到 300 个字。",
    error_title: "项目名称须为 4 到 60 个字。",
    error_summary: "项目内容须为 10 到 1000 个字。",
    error_unit: "请选择一个在用的责任单位。",
    error_budget: "预算请填写 1 元以上的整数金额（元）。",
    error_target: "目标须为 2 到 300 个字。",
    error_deadline: "请选择完成时限日期。",
    error_proposals: "请至少选择一条仍在征集中的来源建议。",
    error_members: "代表名单有误，请刷新页面后再试。",
    error_choices: "选票有误（候选项目已变化或选多了），请刷新页面后重新选择。",
    error_percent: "完成比例须为 0 到 100 的整数。",
    error_done: "“做了什么”须为 2 到 1000 个字。",
    error_delay_reason: "延期原因须为 2 到 300 个字。",
    error_lower_reason: "这次比例比上一次低，请写明下调原因（2 到 300 个字）。",
    error_notes: "视察记录须为 2 到 1000 个字。",
    error_evaluate_each: "请为每个项目各选一项后再提交。",
    error_wrong_phase: "现在这一轮所处的阶段不能做这一步，请刷新页面查看最新阶段。",
    error_no_margin: "不能开始投票：候选项目数必须多于拟确定项目数（差额），并且要先设定拟确定项目数。",
    error_no_electors: "不能开始：这一级人大的代表名单是空的。请先在代表名单中勾选代表。",
    error_not_adopted: "这个项目没有在已结束的票决中确定。",
    error_gone: "找不到这一项了，请刷新页面后再试。",
    error_not_member: "你不在这一级人大的代表名单中，不能做这一步。",
    cycle_title_label: "本轮标题",
    cycle_title_hint: "公开页面显示这个标题，例如“2027年 呼和浩特市民生实事项目”。4 到 60 个字。",
    cycle_title_save: "保存标题",
    cycle_title_saved: "标题已保存，公开页面已更新。",
    evaluation_refresh: "刷新评议人数",
    members_search: "按姓名查找代表",
    members_none_found: "没有姓名含有这些字的代表。",
    vote_now: "去投票：{title}",
    follow_projects: "{title}：视察与评议",
    congress_of: "{district}人大",
    cycle_title: "{year}年{congress}民生实事项目",
    phase_preparing: "准备中",
    phase_collecting: "项目征集",
    phase_shortlisting: "初定候选项目",
    phase_voting: "代表票决",
    phase_closed: "票决结束",
    phase_explained_preparing: "已建立，尚未开始征集。",
    phase_explained_collecting: "市民正在提出和支持项目建议。工作人员可合并重复建议、说明理由后不予采纳，并起草候选项目。",
    phase_explained_shortlisting: "征集已结束。请起草候选项目清单：候选项目数须多于拟确定项目数（差额）。",
    phase_explained_voting: "代表正在投票。清单已固定；投票结束前不显示任何票数。",
    phase_explained_closed: "投票已结束，结果和选票凭证已公开。可以发布进展、开启年终评议。",
    vote_phase_words_preparing: "这一轮还在准备中，投票尚未开始。",
    vote_phase_words_collecting: "现在是项目征集阶段，投票尚未开始。",
    vote_phase_words_shortlisting: "候选项目正在初定，投票尚未开始。",
    vote_phase_words_voting: "投票正在进行。",
    vote_phase_words_closed: "投票已经结束，不能再投票。结果已公开。",
    cycle_numbers_unset: "未设定",
    cycle_numbers_to_adopt: "{to_adopt} 个",
    cycle_numbers_eligible_unset: "开始投票时确定",
    cycle_numbers_eligible: "{eligible} 人",
    cycle_numbers: "拟确定项目数：{to_adopt}；有投票资格的代表：{eligible}",
    move_to: "进入“{p}”阶段",
    move_confirm_collecting: "开始征集后，市民即可提出和支持项目建议。确定开始吗？",
    move_confirm_shortlisting: "结束征集后，市民不能再提出和支持建议。确定结束征集吗？",
    move_confirm_voting: "开始投票后，候选清单固定、不能再改，有投票资格的代表名单也随之确定。确定开始投票吗？",
    move_confirm_closed: "结束投票后，不能再投票，结果和选票凭证立即公开。确定结束投票吗？",
    move_confirm_preparing: "确定吗？",
    members_summary: "{congress}代表名单（{n} 人）",
    proposals_heading: "项目建议（{n} 条）",
    supporters_one: "{n} 人支持",
    supporters_other: "{n} 人支持",
    proposal_status_open: "征集中",
    proposal_status_merged: "已合并",
    proposal_status_declined: "不予采纳",
    merged_into: "并入 {n}",
    declined_because: "不予采纳的理由（公开）：{r}",
    margin_words_unset: "清单上有 {listed} 个候选项目；拟确定项目数还未设定。",
    margin_words_enough: "清单上有 {listed} 个候选项目，拟确定 {to_adopt} 个：符合差额要求。",
    margin_words_short: "清单上有 {listed} 个候选项目，拟确定 {to_adopt} 个：候选项目须多于 {to_adopt} 个才能开始投票。",
    from_proposals: "来源建议：{list}",
    choose_up_to: "请在下列候选项目中选择，最多选 {n} 个。也可以一个都不选（空白票）。",
    chosen_count: "已选 {k} 个，最多 {n} 个",
    choice_limit: "最多只能选 {n} 个项目。要改选，请先取消一个已选的项目。",
    review_chosen_one: "你选择了 {k} 个项目：",
    review_chosen_other: "你选择了 {k} 个项目：",
    turnout: "有投票资格的代表 {eligible} 人，实际投票 {cast} 人。",
    outcome_adopted: "当选",
    outcome_tied_at_cut_off: "得票相同，未能确定",
    outcome_out_of_places: "过半数但名额已满",
    outcome_no_majority: "未过半数",
    result_line_one: "{votes} 票，{outcome}",
    result_line_other: "{votes} 票，{outcome}",
    votes_of: "得票 {votes} / 应投 {eligible}",
    percent_done: "已完成 {p}%",
    flag_words_update_overdue: "进展更新逾期：已超过 31 天没有发布进展。",
    flag_words_past_deadline: "已过完成时限，尚未完成。",
    delay_words: "延期原因：{r}",
    lower_words: "进度下调原因：{r}",
    evaluation_nobody: "无人评议",
    evaluation_result: "年终评议：{result}（满意 {satisfied} 票，基本满意 {basically_satisfied} 票，不满意 {dissatisfied} 票；应评议 {eligible} 人）",
    evaluation_state_words_open: "年终评议进行中。",
    evaluation_state_words_closed: "年终评议已结束，结果已公布。",
    satisfaction_satisfied: "满意",
    satisfaction_basically_satisfied: "基本满意",
    satisfaction_dissatisfied: "不满意",
    evaluation_progress: "已评议 {done} 人，共 {of} 人有评议资格。结束前不显示任何人的选择。",
};

/// Chinese.
/// The Chinese office strings.
pub const ZH: ProjectOffice = zh(&ZH_TEXT);

/// The Chinese office catalog around its strings.
pub const fn zh(text: &'static OfficeText) -> ProjectOffice {
    ProjectOffice { text }
}

/// The English strings.
#[cfg(not(target_arch = "wasm32"))]
pub const EN_TEXT: OfficeText = OfficeText {
    staff_heading: "Livelihood projects",
    staff_intro: "One cycle per congress and year: collect proposals, draft the candidate list, the delegates' vote, follow the work, the year-end evaluation.",
    delegate_heading: "Livelihood projects vote",
    delegates_only: "This page is for delegates to vote, inspect and evaluate. Staff: use the livelihood projects page.",
    card_heading: "Livelihood projects",
    congress_city: "Hohhot Municipal People's Congress",
    cycle_not_found: "This cycle was not found. Go back and try again.",
    cycles_heading: "Cycles",
    no_cycles: "No cycle yet.",
    new_cycle_heading: "New cycle",
    congress_label: "Congress",
    year_label: "Year",
    new_cycle_button: "Create",
    next_phase_heading: "Next phase",
    confirm_move: "Confirm",
    cancel: "Cancel",
    to_adopt_label: "Projects to adopt",
    to_adopt_hint: "1 to 50. The list needs more candidates than this (a competitive vote).",
    to_adopt_button: "Save the number",
    members_hint: "Tick the delegates who sit in this congress. When voting (or the evaluation) opens, the ticked delegates may vote (evaluate).",
    members_legend: "Delegates",
    members_save: "Save the delegates",
    members_saved: "The delegates are saved.",
    no_proposals: "No proposal yet.",
    merge_summary: "Merge as a duplicate",
    merge_into_label: "Merge into which proposal",
    choose_one: "Choose",
    merge_button: "Merge",
    decline_summary: "Decline",
    decline_reason_label: "Reason",
    decline_reason_hint: "The reason is published on the proposal's page; 2 to 300 characters.",
    decline_button: "Decline",
    candidates_heading: "Candidate list",
    withdrawn: "Withdrawn",
    withdraw_button: "Withdraw this candidate",
    new_candidate_heading: "Draft a candidate",
    candidate_title_label: "Project name",
    candidate_summary_label: "What it does",
    unit_label: "Responsible unit",
    budget_label: "Budget",
    budget_input_label: "Budget (whole yuan)",
    target_label: "Target",
    deadline_label: "Deadline",
    origin_legend: "From proposals (at least one)",
    add_candidate_button: "Add to the list",
    ballot_heading: "Ballot",
    review_button: "Review my ballot",
    review_heading: "Review your ballot",
    review_blank: "You chose no project: this will be a blank ballot.",
    review_final: "A ballot cannot be changed once cast. The vote is secret: the app records that you voted, never what you chose.",
    confirm_button: "Cast my ballot",
    change_button: "Go back and change",
    receipt_heading: "Your ballot is counted",
    receipt_intro: "This is your ballot tracker. It is shown only once: write it down or take a screenshot.",
    receipt_keep: "The tracker does not show what you chose, and nobody can tell from it who voted.",
    receipt_check: "After the vote closes, the public result lists the fingerprint (SHA-256) of every ballot tracker. Finding your tracker's fingerprint in that list shows your ballot was counted.",
    receipt_secret: "Once you leave this page, the tracker is not shown again.",
    already_voted: "You have already voted. Each delegate votes once; the ballot is secret and nobody can see what you chose.",
    not_eligible: "You are not on this congress's list of delegates (as of the opening of the vote), so you cannot vote in this cycle. Ask the congress's staff if this is wrong.",
    results_heading: "Result of the vote",
    adopted_heading: "Adopted projects",
    none_adopted: "No project was adopted in this cycle.",
    progress_label: "Progress",
    progress_heading: "Progress",
    no_progress: "No progress posted yet.",
    inspections_heading: "Delegates' inspections",
    no_inspections: "No inspection yet.",
    post_progress: "Post progress",
    percent_label: "Percent done",
    done_label: "What was done",
    delay_label: "Reason for a delay (if delayed)",
    delay_hint: "Leave empty when there is no delay.",
    lower_label: "Why the percent went down",
    lower_hint: "Needed only when the percent is lower than last time.",
    progress_posted: "Progress posted.",
    post_progress_button: "Post",
    inspect_summary: "Record an inspection",
    notes_label: "Inspection notes",
    inspection_recorded: "Inspection recorded.",
    inspect_button: "Save the inspection",
    evaluation_heading: "Year-end evaluation",
    evaluation_staff_hint: "Once opened, this congress's delegates evaluate each project once (satisfied, basically satisfied, dissatisfied; secret). Closing publishes the result by the published rule.",
    evaluation_open_button: "Open the year-end evaluation",
    evaluation_close_button: "Close the evaluation and publish",
    evaluation_not_open: "The year-end evaluation has not started.",
    evaluation_closed: "The year-end evaluation is closed; see each project's result.",
    already_evaluated: "You have already evaluated. The evaluation is secret; nobody can see your choices.",
    not_eligible_evaluation: "You are not on this congress's list of delegates (as of the opening of the evaluation), so you cannot take part.",
    evaluation_intro: "Choose one for each project. The evaluation is secret and cannot be changed once sent.",
    evaluation_button: "Send my evaluation",
    evaluation_counted: "Your evaluation is counted",
    evaluation_receipt_check: "After the evaluation closes, the public list shows the fingerprint (SHA-256) of every evaluation tracker, so you can check yours was counted.",
    error_year: "The year must be a number from 2000 to 2100.",
    error_congress: "Choose a congress.",
    error_taken: "This congress already has a cycle for that year.",
    error_to_adopt: "The number to adopt must be 1 to 50.",
    error_into: "Choose the proposal to merge into.",
    error_reason: "The reason must be 2 to 300 characters.",
    error_title: "The project name must be 4 to 60 characters.",
    error_summary: "What it does must be 10 to 1000 characters.",
    error_unit: "Choose an active responsible unit.",
    error_budget: "Give the budget as a whole number of yuan, 1 or more.",
    error_target: "The target must be 2 to 300 characters.",
    error_deadline: "Choose the deadline's date.",
    error_proposals: "Choose at least one open proposal it comes from.",
    error_members: "The list of delegates is not right. Reload the page and try again.",
    error_choices: "The ballot is not right (the list changed, or too many chosen). Reload the page and choose again.",
    error_percent: "The percent must be a whole number from 0 to 100.",
    error_done: "What was done must be 2 to 1000 characters.",
    error_delay_reason: "The reason for the delay must be 2 to 300 characters.",
    error_lower_reason: "The percent is lower than last time: say why (2 to 300 characters).",
    error_notes: "The notes must be 2 to 1000 characters.",
    error_evaluate_each: "Choose one for every project, then send.",
    error_wrong_phase: "This step is not possible in the cycle's present phase. Reload the page to see it.",
    error_no_margin: "Voting cannot open: the list needs more candidates than projects to adopt, and the number to adopt must be set.",
    error_no_electors: "Cannot open: this congress's list of delegates is empty. Tick its delegates first.",
    error_not_adopted: "This project was not adopted in a closed vote.",
    error_gone: "This is no longer there. Reload the page and try again.",
    error_not_member: "You are not on this congress's list of delegates, so you cannot do this.",
    cycle_title_label: "Title of this cycle",
    cycle_title_hint: "Shown on the public pages, e.g. \"2027 Hohhot livelihood projects\". 4 to 60 characters.",
    cycle_title_save: "Save the title",
    cycle_title_saved: "Title saved; the public pages show it.",
    evaluation_refresh: "Refresh the count",
    members_search: "Find a delegate by name",
    members_none_found: "No delegate's name contains these characters.",
    vote_now: "Vote now: {title}",
    follow_projects: "{title}: inspect and evaluate",
    congress_of: "{district} People's Congress",
    cycle_title: "{year} livelihood projects, {congress}",
    phase_preparing: "Preparing",
    phase_collecting: "Collecting proposals",
    phase_shortlisting: "Drafting the candidate list",
    phase_voting: "Delegates voting",
    phase_closed: "Vote closed",
    phase_explained_preparing: "Created; collection has not started.",
    phase_explained_collecting: "Citizens propose and support projects. Staff may merge duplicates, decline with a reason, and draft candidates.",
    phase_explained_shortlisting: "Collection is over. Draft the candidate list: it needs more candidates than projects to adopt.",
    phase_explained_voting: "Delegates are voting. The list is fixed; no count is shown before the close.",
    phase_explained_closed: "The vote is closed; the result and ballot trackers are public. Post progress and open the year-end evaluation.",
    vote_phase_words_preparing: "This cycle is being prepared; voting has not started.",
    vote_phase_words_collecting: "Proposals are being collected; voting has not started.",
    vote_phase_words_shortlisting: "The candidate list is being drafted; voting has not started.",
    vote_phase_words_voting: "Voting is open.",
    vote_phase_words_closed: "Voting is over; no more ballots. The result is public.",
    cycle_numbers_unset: "not set",
    cycle_numbers_to_adopt: "{to_adopt}",
    cycle_numbers_eligible_unset: "fixed when voting opens",
    cycle_numbers_eligible: "{eligible}",
    cycle_numbers: "Projects to adopt: {to_adopt}; delegates who may vote: {eligible}",
    move_to: "Move to “{p}”",
    move_confirm_collecting: "Once collection starts, citizens can propose and support projects. Start it?",
    move_confirm_shortlisting: "Once collection ends, citizens can no longer propose or support. End collection?",
    move_confirm_voting: "Once voting opens, the candidate list is fixed and so is the list of delegates who may vote. Open voting?",
    move_confirm_closed: "Once voting closes, no more ballots are taken and the result and trackers are published at once. Close voting?",
    move_confirm_preparing: "Are you sure?",
    members_summary: "Delegates of the {congress} ({n})",
    proposals_heading: "Proposals ({n})",
    supporters_one: "1 supporter",
    supporters_other: "{n} supporters",
    proposal_status_open: "Open",
    proposal_status_merged: "Merged",
    proposal_status_declined: "Declined",
    merged_into: "merged into {n}",
    declined_because: "Declined, published reason: {r}",
    margin_words_unset: "{listed} candidates on the list; the number to adopt is not set yet.",
    margin_words_enough: "{listed} candidates for {to_adopt} projects: the list is competitive.",
    margin_words_short: "{listed} candidates for {to_adopt} projects: voting needs more than {to_adopt} candidates.",
    from_proposals: "From proposals: {list}",
    choose_up_to: "Choose from the candidates below, at most {n}. You may also choose none (a blank ballot).",
    chosen_count: "{k} chosen, at most {n}",
    choice_limit: "You can choose at most {n} projects. To change, first untick one you chose.",
    review_chosen_one: "You chose 1 project:",
    review_chosen_other: "You chose {k} projects:",
    turnout: "{eligible} delegates could vote; {cast} voted.",
    outcome_adopted: "adopted",
    outcome_tied_at_cut_off: "tied at the cut-off, not decided",
    outcome_out_of_places: "majority, but the places were filled",
    outcome_no_majority: "no majority",
    result_line_one: "{votes} vote, {outcome}",
    result_line_other: "{votes} votes, {outcome}",
    votes_of: "{votes} of {eligible} delegates' votes",
    percent_done: "{p}% done",
    flag_words_update_overdue: "Update overdue: no progress posted for more than 31 days.",
    flag_words_past_deadline: "Past its deadline and not finished.",
    delay_words: "Delayed: {r}",
    lower_words: "Lowered because: {r}",
    evaluation_nobody: "nobody evaluated",
    evaluation_result: "Year-end evaluation: {result} (satisfied {satisfied}, basically satisfied {basically_satisfied}, dissatisfied {dissatisfied}; {eligible} could evaluate)",
    evaluation_state_words_open: "The year-end evaluation is open.",
    evaluation_state_words_closed: "The year-end evaluation is closed; the result is published.",
    satisfaction_satisfied: "Satisfied",
    satisfaction_basically_satisfied: "Basically satisfied",
    satisfaction_dissatisfied: "Dissatisfied",
    evaluation_progress: "{done} of {of} eligible delegates have evaluated. Nobody's choices are shown before the close.",
};

/// English.
/// The English office strings (natively).
#[cfg(not(target_arch = "wasm32"))]
pub const EN: ProjectOffice = en(&EN_TEXT);

/// The English office catalog around its strings.
pub const fn en(text: &'static OfficeText) -> ProjectOffice {
    ProjectOffice { text }
}

/// The Mongolian strings.
#[cfg(not(target_arch = "wasm32"))]
pub const MN_TEXT: OfficeText = OfficeText {
    staff_heading: "ᠠᠷᠠᠳ ᠤᠨ ᠠᠮᠢᠳᠤᠷᠠᠯ ᠤᠨ ᠪᠣᠳᠠᠲᠤ ᠬᠡᠷᠡᠭ ᠦᠨ ᠲᠥᠰᠥᠯ",
    staff_intro: "ᠠᠷᠠᠳ ᠤᠨ ᠲᠥᠯᠥᠭᠡᠯᠡᠭᠴᠢᠳ ᠦᠨ ᠬᠤᠷᠠᠯ ᠪᠦᠷᠢ ᠣᠨ ᠪᠦᠷᠢ ᠨᠢᠭᠡᠨ ᠡᠭᠡᠯᠵᠢ ᠶᠠᠪᠤᠭᠤᠯᠤᠨ᠎ᠠ᠄ ᠲᠥᠰᠥᠯ ᠴᠤᠭᠯᠠᠭᠤᠯᠬᠤ᠂ ᠨᠡᠷ᠎ᠡ ᠳᠡᠪᠰᠢᠭᠰᠡᠨ ᠲᠥᠰᠥᠯ ᠢ ᠤᠷᠢᠳᠴᠢᠯᠠᠨ ᠲᠣᠭᠲᠠᠭᠠᠬᠤ᠂ ᠲᠥᠯᠥᠭᠡᠯᠡᠭᠴᠢᠳ ᠰᠠᠨᠠᠯ ᠥᠭᠴᠦ ᠲᠣᠭᠲᠠᠭᠠᠬᠤ᠂ ᠬᠡᠷᠡᠭᠵᠢᠯᠲᠡ ᠶᠢ ᠬᠢᠨᠠᠬᠤ᠂ ᠣᠨ ᠤ ᠡᠴᠦᠰ ᠦᠨ ᠦᠨᠡᠯᠡᠯᠲᠡ᠃",
    delegate_heading: "ᠠᠷᠠᠳ ᠤᠨ ᠠᠮᠢᠳᠤᠷᠠᠯ ᠤᠨ ᠪᠣᠳᠠᠲᠤ ᠬᠡᠷᠡᠭ ᠦᠨ ᠲᠥᠰᠥᠯ ᠢ ᠰᠠᠨᠠᠯ ᠥᠭᠴᠦ ᠲᠣᠭᠲᠠᠭᠠᠬᠤ",
    delegates_only: "ᠡᠨᠡ ᠬᠠᠭᠤᠳᠠᠰᠤ ᠨᠢ ᠠᠷᠠᠳ ᠤᠨ ᠲᠥᠯᠥᠭᠡᠯᠡᠭᠴᠢᠳ ᠰᠠᠨᠠᠯ ᠥᠭᠬᠦ᠂ ᠪᠠᠶᠢᠴᠠᠭᠠᠨ ᠰᠢᠯᠭᠠᠬᠤ᠂ ᠦᠨᠡᠯᠡᠬᠦ ᠳᠦ ᠵᠣᠷᠢᠭᠳᠠᠭᠰᠠᠨ᠃ ᠠᠵᠢᠯᠴᠢᠨ 《ᠠᠷᠠᠳ ᠤᠨ ᠠᠮᠢᠳᠤᠷᠠᠯ ᠤᠨ ᠪᠣᠳᠠᠲᠤ ᠬᠡᠷᠡᠭ ᠦᠨ ᠲᠥᠰᠥᠯ》 ᠦᠨ ᠵᠠᠬᠢᠷᠭ᠎ᠠ ᠶᠢᠨ ᠬᠠᠭᠤᠳᠠᠰᠤ ᠳᠤ ᠣᠷᠣᠨ᠎ᠠ ᠤᠤ᠃",
    card_heading: "ᠠᠷᠠᠳ ᠤᠨ ᠠᠮᠢᠳᠤᠷᠠᠯ ᠤᠨ ᠪᠣᠳᠠᠲᠤ ᠬᠡᠷᠡᠭ ᠦᠨ ᠲᠥᠰᠥᠯ",
    congress_city: "ᠬᠥᠬᠡᠬᠣᠲᠠ ᠶᠢᠨ ᠠᠷᠠᠳ ᠤᠨ ᠲᠥᠯᠥᠭᠡᠯᠡᠭᠴᠢᠳ ᠦᠨ ᠬᠤᠷᠠᠯ",
    cycle_not_found: "ᠠᠷᠠᠳ ᠤᠨ ᠠᠮᠢᠳᠤᠷᠠᠯ ᠤᠨ ᠪᠣᠳᠠᠲᠤ ᠬᠡᠷᠡᠭ ᠦᠨ ᠲᠥᠰᠥᠯ ᠦᠨ ᠡᠨᠡ ᠡᠭᠡᠯᠵᠢ ᠣᠯᠳᠠᠬᠤ ᠦᠭᠡᠢ᠃ ᠪᠤᠴᠠᠭᠠᠳ ᠳᠠᠬᠢᠨ ᠣᠷᠣᠯᠳᠠᠨ᠎ᠠ ᠤᠤ᠃",
    cycles_heading: "ᠲᠥᠰᠥᠯ ᠦᠨ ᠪᠦᠬᠦ ᠡᠭᠡᠯᠵᠢ",
    no_cycles: "ᠶᠠᠮᠠᠷ ᠴᠦ ᠡᠭᠡᠯᠵᠢ ᠦᠭᠡᠢ ᠪᠠᠶᠢᠨ᠎ᠠ᠃",
    new_cycle_heading: "ᠰᠢᠨ᠎ᠡ ᠡᠭᠡᠯᠵᠢ ᠪᠠᠶᠢᠭᠤᠯᠬᠤ",
    congress_label: "ᠠᠷᠠᠳ ᠤᠨ ᠲᠥᠯᠥᠭᠡᠯᠡᠭᠴᠢᠳ ᠦᠨ ᠬᠤᠷᠠᠯ",
    year_label: "ᠣᠨ",
    new_cycle_button: "ᠪᠠᠶᠢᠭᠤᠯᠬᠤ",
    next_phase_heading: "ᠳᠠᠷᠠᠭᠠᠬᠢ ᠦᠶ᠎ᠡ ᠱᠠᠲᠤ",
    confirm_move: "ᠪᠠᠲᠤᠯᠠᠬᠤ",
    cancel: "ᠪᠣᠯᠢᠯᠴᠠᠬᠤ",
    to_adopt_label: "ᠲᠣᠭᠲᠠᠭᠠᠬᠤ ᠲᠥᠰᠥᠯ ᠦᠨ ᠲᠣᠭ᠎ᠠ",
    to_adopt_hint: "1–50᠃ ᠨᠡᠷ᠎ᠡ ᠳᠡᠪᠰᠢᠭᠰᠡᠨ ᠲᠥᠰᠥᠯ ᠦᠨ ᠲᠣᠭ᠎ᠠ ᠨᠢ ᠡᠨᠡ ᠲᠣᠭ᠎ᠠ ᠠᠴᠠ ᠢᠯᠡᠭᠦ ᠪᠠᠶᠢᠬᠤ ᠬᠡᠷᠡᠭ ᠲᠡᠢ (ᠢᠯᠡᠭᠦ ᠲᠣᠭ᠎ᠠ ᠲᠠᠢ ᠰᠠᠨᠠᠯ ᠥᠭᠬᠦ)᠃",
    to_adopt_button: "ᠲᠥᠰᠥᠯ ᠦᠨ ᠲᠣᠭ᠎ᠠ ᠶᠢ ᠬᠠᠳᠠᠭᠠᠯᠠᠬᠤ",
    members_hint: "ᠡᠨᠡ ᠱᠠᠲᠤ ᠶᠢᠨ ᠠᠷᠠᠳ ᠤᠨ ᠲᠥᠯᠥᠭᠡᠯᠡᠭᠴᠢᠳ ᠦᠨ ᠬᠤᠷᠠᠯ ᠤᠨ ᠲᠥᠯᠥᠭᠡᠯᠡᠭᠴᠢᠳ ᠢ ᠤᠩᠱᠢᠵᠤ ᠲᠡᠮᠳᠡᠭᠯᠡᠨ᠎ᠡ ᠤᠤ᠃ ᠰᠠᠨᠠᠯ ᠥᠭᠬᠦ (ᠪᠤᠶᠤ ᠣᠨ ᠤ ᠡᠴᠦᠰ ᠦᠨ ᠦᠨᠡᠯᠡᠯᠲᠡ) ᠡᠬᠢᠯᠡᠬᠦ ᠦᠶ᠎ᠡ ᠳᠦ ᠵᠠᠭᠰᠠᠭᠠᠯᠲᠠ ᠳᠤ ᠪᠠᠶᠢᠭᠠ ᠲᠥᠯᠥᠭᠡᠯᠡᠭᠴᠢᠳ ᠰᠠᠨᠠᠯ ᠥᠭᠬᠦ (ᠦᠨᠡᠯᠡᠬᠦ) ᠡᠷᠬᠡ ᠣᠯᠤᠨ᠎ᠠ᠃",
    members_legend: "ᠲᠥᠯᠥᠭᠡᠯᠡᠭᠴᠢ",
    members_save: "ᠲᠥᠯᠥᠭᠡᠯᠡᠭᠴᠢᠳ ᠦᠨ ᠨᠡᠷᠡᠰ ᠦᠨ ᠵᠠᠭᠰᠠᠭᠠᠯᠲᠠ ᠶᠢ ᠬᠠᠳᠠᠭᠠᠯᠠᠬᠤ",
    members_saved: "ᠲᠥᠯᠥᠭᠡᠯᠡᠭᠴᠢᠳ ᠦᠨ ᠨᠡᠷᠡᠰ ᠦᠨ ᠵᠠᠭᠰᠠᠭᠠᠯᠲᠠ ᠬᠠᠳᠠᠭᠠᠯᠠᠭᠳᠠᠪᠠ᠃",
    no_proposals: "ᠲᠥᠰᠥᠯ ᠦᠨ ᠵᠥᠪᠯᠡᠯᠭᠡ ᠦᠭᠡᠢ ᠪᠠᠶᠢᠨ᠎ᠠ᠃",
    merge_summary: "ᠳᠠᠪᠬᠤᠷᠳᠠᠭᠰᠠᠨ ᠵᠥᠪᠯᠡᠯᠭᠡ ᠪᠣᠯᠭᠠᠨ ᠨᠡᠶᠢᠯᠡᠭᠦᠯᠬᠦ",
    merge_into_label: "ᠶᠠᠮᠠᠷ ᠵᠥᠪᠯᠡᠯᠭᠡ ᠳᠦ ᠨᠡᠶᠢᠯᠡᠭᠦᠯᠬᠦ",
    choose_one: "ᠰᠣᠩᠭᠣᠨ᠎ᠠ ᠤᠤ",
    merge_button: "ᠨᠡᠶᠢᠯᠡᠭᠦᠯᠬᠦ",
    decline_summary: "ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠦᠭᠡᠢ",
    decline_reason_label: "ᠰᠢᠯᠲᠠᠭᠠᠨ",
    decline_reason_hint: "ᠰᠢᠯᠲᠠᠭᠠᠨ ᠨᠢ ᠵᠥᠪᠯᠡᠯᠭᠡ ᠶᠢᠨ ᠬᠠᠭᠤᠳᠠᠰᠤ ᠳᠤ ᠢᠯᠡ ᠦᠵᠡᠭᠳᠡᠨᠡ᠂ 2–300 ᠦᠰᠦᠭ᠃",
    decline_button: "ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠦᠭᠡᠢ",
    candidates_heading: "ᠨᠡᠷ᠎ᠡ ᠳᠡᠪᠰᠢᠭᠰᠡᠨ ᠲᠥᠰᠥᠯ ᠦᠨ ᠵᠠᠭᠰᠠᠭᠠᠯᠲᠠ",
    withdrawn: "ᠬᠠᠰᠤᠭᠳᠠᠭᠰᠠᠨ",
    withdraw_button: "ᠡᠨᠡ ᠨᠡᠷ᠎ᠡ ᠳᠡᠪᠰᠢᠭᠰᠡᠨ ᠲᠥᠰᠥᠯ ᠢ ᠬᠠᠰᠤᠬᠤ",
    new_candidate_heading: "ᠨᠡᠷ᠎ᠡ ᠳᠡᠪᠰᠢᠭᠰᠡᠨ ᠲᠥᠰᠥᠯ ᠦᠨ ᠨᠠᠶᠢᠷᠠᠭ ᠪᠢᠴᠢᠬᠦ",
    candidate_title_label: "ᠲᠥᠰᠥᠯ ᠦᠨ ᠨᠡᠷ᠎ᠡ",
    candidate_summary_label: "ᠲᠥᠰᠥᠯ ᠦᠨ ᠠᠭᠤᠯᠭ᠎ᠠ",
    unit_label: "ᠬᠠᠷᠢᠭᠤᠴᠠᠬᠤ ᠭᠠᠵᠠᠷ",
    budget_label: "ᠲᠥᠰᠥᠪ",
    budget_input_label: "ᠲᠥᠰᠥᠪ (ᠶᠤᠸᠠᠨ᠂ ᠪᠦᠬᠦᠯ ᠲᠣᠭ᠎ᠠ)",
    target_label: "ᠵᠣᠷᠢᠯᠲᠠ",
    deadline_label: "ᠳᠠᠭᠤᠰᠬᠠᠬᠤ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ",
    origin_legend: "ᠡᠬᠢ ᠰᠤᠷᠪᠤᠯᠵᠢ ᠵᠥᠪᠯᠡᠯᠭᠡ (ᠬᠠᠮᠤᠭ ᠤᠨ ᠪᠠᠭᠠ ᠨᠢ ᠨᠢᠭᠡᠨ ᠢ ᠰᠣᠩᠭᠣᠨ᠎ᠠ)",
    add_candidate_button: "ᠨᠡᠷ᠎ᠡ ᠳᠡᠪᠰᠢᠭᠰᠡᠨ ᠲᠥᠰᠥᠯ ᠦᠨ ᠵᠠᠭᠰᠠᠭᠠᠯᠲᠠ ᠳᠤ ᠨᠡᠮᠡᠬᠦ",
    ballot_heading: "ᠰᠠᠨᠠᠯ ᠤᠨ ᠬᠠᠭᠤᠳᠠᠰᠤ",
    review_button: "ᠰᠠᠨᠠᠯ ᠤᠨ ᠬᠠᠭᠤᠳᠠᠰᠤ ᠪᠠᠨ ᠬᠢᠨᠠᠬᠤ",
    review_heading: "ᠰᠠᠨᠠᠯ ᠤᠨ ᠬᠠᠭᠤᠳᠠᠰᠤ ᠪᠠᠨ ᠬᠢᠨᠠᠨ᠎ᠠ ᠤᠤ",
    review_blank: "ᠲᠠ ᠶᠠᠮᠠᠷ ᠴᠦ ᠲᠥᠰᠥᠯ ᠰᠣᠩᠭᠣᠭᠰᠠᠨ ᠦᠭᠡᠢ᠄ ᠡᠨᠡ ᠨᠢ ᠬᠣᠭᠣᠰᠣᠨ ᠰᠠᠨᠠᠯ ᠤᠨ ᠬᠠᠭᠤᠳᠠᠰᠤ ᠪᠣᠯᠣᠨ᠎ᠠ᠃",
    review_final: "ᠰᠠᠨᠠᠯ ᠥᠭᠦᠭᠰᠡᠨ ᠦ ᠳᠠᠷᠠᠭ᠎ᠠ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠬᠦ ᠪᠣᠯᠤᠮᠵᠢ ᠦᠭᠡᠢ᠃ ᠰᠠᠨᠠᠯ ᠥᠭᠬᠦ ᠨᠢ ᠨᠡᠷ᠎ᠡ ᠦᠭᠡᠢ᠄ ᠰᠢᠰᠲᠡᠮ ᠲᠠᠨ ᠤ ᠰᠠᠨᠠᠯ ᠥᠭᠦᠭᠰᠡᠨ ᠢ ᠯ ᠲᠡᠮᠳᠡᠭᠯᠡᠵᠦ᠂ ᠶᠠᠭᠤ ᠰᠣᠩᠭᠣᠭᠰᠠᠨ ᠢ ᠲᠠᠨ ᠤ ᠲᠡᠮᠳᠡᠭᠯᠡᠬᠦ ᠦᠭᠡᠢ᠃",
    confirm_button: "ᠪᠠᠲᠤᠯᠠᠵᠤ ᠰᠠᠨᠠᠯ ᠥᠭᠬᠦ",
    change_button: "ᠪᠤᠴᠠᠵᠤ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠬᠦ",
    receipt_heading: "ᠰᠠᠨᠠᠯ ᠠᠮᠵᠢᠯᠲᠠ ᠲᠠᠢ ᠥᠭᠦᠭᠳᠡᠪᠡ᠂ ᠲᠠᠨ ᠤ ᠰᠠᠨᠠᠯ ᠲᠣᠭᠠᠯᠠᠭᠳᠠᠪᠠ",
    receipt_intro: "ᠡᠨᠡ ᠪᠣᠯ ᠲᠠᠨ ᠤ ᠰᠠᠨᠠᠯ ᠤᠨ ᠪᠠᠷᠢᠮᠲᠠ ᠶᠢᠨ ᠬᠣᠳ᠂ ᠵᠥᠪᠬᠡᠨ ᠡᠨᠡ ᠤᠳᠠᠭ᠎ᠠ ᠯ ᠦᠵᠡᠭᠳᠡᠨᠡ᠂ ᠪᠢᠴᠢᠵᠦ ᠠᠪᠬᠤ ᠪᠤᠶᠤ ᠳᠡᠯᠭᠡᠴᠡ ᠶᠢᠨ ᠵᠢᠷᠤᠭ ᠠᠪᠴᠤ ᠬᠠᠳᠠᠭᠠᠯᠠᠨ᠎ᠠ ᠤᠤ᠄",
    receipt_keep: "ᠪᠠᠷᠢᠮᠲᠠ ᠶᠢᠨ ᠬᠣᠳ ᠲᠠᠨ ᠤ ᠶᠠᠭᠤ ᠰᠣᠩᠭᠣᠭᠰᠠᠨ ᠢ ᠦᠵᠡᠭᠦᠯᠬᠦ ᠦᠭᠡᠢ᠂ ᠡᠭᠦᠨ ᠡᠴᠡ ᠬᠡᠨ ᠰᠠᠨᠠᠯ ᠥᠭᠦᠭᠰᠡᠨ ᠢ ᠴᠦ ᠮᠡᠳᠡᠵᠦ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠃",
    receipt_check: "ᠰᠠᠨᠠᠯ ᠥᠭᠬᠦ ᠲᠡᠭᠦᠰᠦᠭᠰᠡᠨ ᠦ ᠳᠠᠷᠠᠭ᠎ᠠ ᠢᠯᠡ ᠪᠣᠯᠭᠠᠭᠰᠠᠨ ᠦᠷ᠎ᠡ ᠳᠦᠩ ᠳᠦ ᠪᠦᠬᠦ ᠰᠠᠨᠠᠯ ᠤᠨ ᠪᠠᠷᠢᠮᠲᠠ ᠶᠢᠨ 《ᠬᠤᠷᠤᠭᠤᠨ ᠤ ᠮᠥᠷ》 (ᠪᠠᠷᠢᠮᠲᠠ ᠶᠢᠨ ᠬᠣᠳ ᠤᠨ SHA-256 ᠤᠳᠬ᠎ᠠ) ᠵᠠᠭᠰᠠᠭᠳᠠᠨ᠎ᠠ᠃ ᠲᠠᠨ ᠤ ᠬᠣᠳ ᠤᠨ 《ᠬᠤᠷᠤᠭᠤᠨ ᠤ ᠮᠥᠷ》 ᠢ ᠵᠠᠭᠰᠠᠭᠠᠯᠲᠠ ᠠᠴᠠ ᠣᠯᠪᠠᠯ ᠲᠠᠨ ᠤ ᠰᠠᠨᠠᠯ ᠲᠣᠭᠠᠯᠠᠭᠳᠠᠭᠰᠠᠨ ᠪᠠᠶᠢᠨ᠎ᠠ᠃",
    receipt_secret: "ᠡᠨᠡ ᠬᠠᠭᠤᠳᠠᠰᠤ ᠠᠴᠠ ᠭᠠᠷᠤᠭᠰᠠᠨ ᠤ ᠳᠠᠷᠠᠭ᠎ᠠ ᠪᠠᠷᠢᠮᠲᠠ ᠶᠢᠨ ᠬᠣᠳ ᠳᠠᠬᠢᠨ ᠦᠵᠡᠭᠳᠡᠬᠦ ᠦᠭᠡᠢ᠃",
    already_voted: "ᠲᠠ ᠰᠠᠨᠠᠯ ᠢᠶᠠᠨ ᠥᠭᠦᠭᠰᠡᠨ ᠪᠠᠶᠢᠨ᠎ᠠ᠃ ᠲᠥᠯᠥᠭᠡᠯᠡᠭᠴᠢ ᠪᠦᠷᠢ ᠨᠢᠭᠡᠨ ᠯ ᠤᠳᠠᠭ᠎ᠠ ᠰᠠᠨᠠᠯ ᠥᠭᠴᠦ ᠪᠣᠯᠣᠨ᠎ᠠ᠂ ᠰᠠᠨᠠᠯ ᠤᠨ ᠠᠭᠤᠯᠭ᠎ᠠ ᠨᠢᠭᠤᠴᠠ᠂ ᠲᠠᠨ ᠤ ᠶᠠᠭᠤ ᠰᠣᠩᠭᠣᠭᠰᠠᠨ ᠢ ᠬᠡᠨ ᠴᠦ ᠦᠵᠡᠬᠦ ᠦᠭᠡᠢ᠃",
    not_eligible: "ᠲᠠ ᠡᠨᠡ ᠱᠠᠲᠤ ᠶᠢᠨ ᠠᠷᠠᠳ ᠤᠨ ᠲᠥᠯᠥᠭᠡᠯᠡᠭᠴᠢᠳ ᠦᠨ ᠬᠤᠷᠠᠯ ᠤᠨ ᠲᠥᠯᠥᠭᠡᠯᠡᠭᠴᠢᠳ ᠦᠨ ᠨᠡᠷᠡᠰ ᠦᠨ ᠵᠠᠭᠰᠠᠭᠠᠯᠲᠠ ᠳᠤ ᠪᠠᠶᠢᠬᠤ ᠦᠭᠡᠢ (ᠰᠠᠨᠠᠯ ᠥᠭᠬᠦ ᠡᠬᠢᠯᠡᠭᠰᠡᠨ ᠦᠶ᠎ᠡ ᠶᠢᠨ ᠵᠠᠭᠰᠠᠭᠠᠯᠲᠠ ᠪᠠᠷ)᠂ ᠡᠨᠡ ᠡᠭᠡᠯᠵᠢ ᠳᠦ ᠰᠠᠨᠠᠯ ᠥᠭᠴᠦ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠃ ᠠᠰᠠᠭᠤᠬᠤ ᠵᠦᠢᠯ ᠪᠠᠶᠢᠪᠠᠯ ᠠᠷᠠᠳ ᠤᠨ ᠲᠥᠯᠥᠭᠡᠯᠡᠭᠴᠢᠳ ᠦᠨ ᠬᠤᠷᠠᠯ ᠤᠨ ᠠᠵᠢᠯᠴᠢᠨ ᠲᠠᠢ ᠬᠣᠯᠪᠤᠭᠳᠠᠨ᠎ᠠ ᠤᠤ᠃",
    results_heading: "ᠰᠠᠨᠠᠯ ᠥᠭᠴᠦ ᠲᠣᠭᠲᠠᠭᠠᠭᠰᠠᠨ ᠦᠷ᠎ᠡ ᠳᠦᠩ",
    adopted_heading: "ᠲᠣᠭᠲᠠᠭᠠᠭᠳᠠᠭᠰᠠᠨ ᠠᠷᠠᠳ ᠤᠨ ᠠᠮᠢᠳᠤᠷᠠᠯ ᠤᠨ ᠪᠣᠳᠠᠲᠤ ᠬᠡᠷᠡᠭ ᠦᠨ ᠲᠥᠰᠥᠯ",
    none_adopted: "ᠡᠨᠡ ᠡᠭᠡᠯᠵᠢ ᠳᠦ ᠶᠠᠮᠠᠷ ᠴᠦ ᠲᠥᠰᠥᠯ ᠲᠣᠭᠲᠠᠭᠠᠭᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠃",
    progress_label: "ᠭᠦᠢᠴᠡᠳᠭᠡᠯ ᠦᠨ ᠶᠠᠪᠤᠴᠠ",
    progress_heading: "ᠬᠡᠷᠡᠭᠵᠢᠯᠲᠡ ᠶᠢᠨ ᠶᠠᠪᠤᠴᠠ",
    no_progress: "ᠶᠠᠪᠤᠴᠠ ᠨᠡᠶᠢᠲᠡᠯᠡᠭᠰᠡᠨ ᠦᠭᠡᠢ ᠪᠠᠶᠢᠨ᠎ᠠ᠃",
    inspections_heading: "ᠲᠥᠯᠥᠭᠡᠯᠡᠭᠴᠢᠳ ᠦᠨ ᠪᠠᠶᠢᠴᠠᠭᠠᠯᠲᠠ",
    no_inspections: "ᠪᠠᠶᠢᠴᠠᠭᠠᠯᠲᠠ ᠶᠢᠨ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠦᠭᠡᠢ ᠪᠠᠶᠢᠨ᠎ᠠ᠃",
    post_progress: "ᠶᠠᠪᠤᠴᠠ ᠨᠡᠶᠢᠲᠡᠯᠡᠬᠦ",
    percent_label: "ᠭᠦᠢᠴᠡᠳᠭᠡᠯ ᠦᠨ ᠬᠤᠪᠢ (%)",
    done_label: "ᠶᠠᠭᠤ ᠬᠢᠭᠰᠡᠨ",
    delay_label: "ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠤᠷᠲᠤᠰᠬᠠᠭᠰᠠᠨ ᠰᠢᠯᠲᠠᠭᠠᠨ (ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠤᠷᠲᠤᠰᠬᠠᠭᠰᠠᠨ ᠪᠣᠯ)",
    delay_hint: "ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠤᠷᠲᠤᠰᠬᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ ᠪᠣᠯ ᠬᠣᠭᠣᠰᠣᠨ ᠣᠷᠬᠢᠨ᠎ᠠ ᠤᠤ᠃",
    lower_label: "ᠶᠠᠪᠤᠴᠠ ᠶᠢ ᠪᠠᠭᠤᠷᠠᠭᠤᠯᠤᠭᠰᠠᠨ ᠰᠢᠯᠲᠠᠭᠠᠨ",
    lower_hint: "ᠬᠤᠪᠢ ᠨᠢ ᠡᠮᠦᠨᠡᠬᠢ ᠡᠴᠡ ᠪᠠᠭᠠ ᠪᠣᠯ ᠯ ᠪᠢᠴᠢᠨ᠎ᠡ᠃",
    progress_posted: "ᠶᠠᠪᠤᠴᠠ ᠨᠡᠶᠢᠲᠡᠯᠡᠭᠳᠡᠪᠡ᠃",
    post_progress_button: "ᠨᠡᠶᠢᠲᠡᠯᠡᠬᠦ",
    inspect_summary: "ᠪᠠᠶᠢᠴᠠᠭᠠᠯᠲᠠ ᠶᠢ ᠲᠡᠮᠳᠡᠭᠯᠡᠬᠦ",
    notes_label: "ᠪᠠᠶᠢᠴᠠᠭᠠᠯᠲᠠ ᠶᠢᠨ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ",
    inspection_recorded: "ᠪᠠᠶᠢᠴᠠᠭᠠᠯᠲᠠ ᠶᠢᠨ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠬᠠᠳᠠᠭᠠᠯᠠᠭᠳᠠᠪᠠ᠃",
    inspect_button: "ᠪᠠᠶᠢᠴᠠᠭᠠᠯᠲᠠ ᠶᠢᠨ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠢ ᠬᠠᠳᠠᠭᠠᠯᠠᠬᠤ",
    evaluation_heading: "ᠣᠨ ᠤ ᠡᠴᠦᠰ ᠦᠨ ᠦᠨᠡᠯᠡᠯᠲᠡ",
    evaluation_staff_hint: "ᠡᠬᠢᠯᠡᠭᠦᠯᠦᠭᠰᠡᠨ ᠦ ᠳᠠᠷᠠᠭ᠎ᠠ ᠡᠨᠡ ᠱᠠᠲᠤ ᠶᠢᠨ ᠠᠷᠠᠳ ᠤᠨ ᠲᠥᠯᠥᠭᠡᠯᠡᠭᠴᠢᠳ ᠦᠨ ᠬᠤᠷᠠᠯ ᠤᠨ ᠲᠥᠯᠥᠭᠡᠯᠡᠭᠴᠢᠳ ᠲᠥᠰᠥᠯ ᠪᠦᠷᠢ ᠶᠢ ᠨᠢᠭᠡᠨ ᠤᠳᠠᠭ᠎ᠠ ᠦᠨᠡᠯᠡᠨ᠎ᠡ (ᠰᠡᠳᠬᠢᠯ ᠬᠠᠨᠤᠭᠰᠠᠨ᠂ ᠦᠨᠳᠦᠰᠦᠨ ᠳᠦ ᠨᠢ ᠰᠡᠳᠬᠢᠯ ᠬᠠᠨᠤᠭᠰᠠᠨ᠂ ᠰᠡᠳᠬᠢᠯ ᠬᠠᠨᠤᠭᠰᠠᠨ ᠦᠭᠡᠢ᠂ ᠨᠡᠷ᠎ᠡ ᠦᠭᠡᠢ)᠄ ᠲᠡᠭᠦᠰᠦᠭᠰᠡᠨ ᠦ ᠳᠠᠷᠠᠭ᠎ᠠ ᠢᠯᠡ ᠳᠦᠷᠢᠮ ᠢᠶᠡᠷ ᠦᠷ᠎ᠡ ᠳᠦᠩ ᠢ ᠨᠡᠶᠢᠲᠡᠯᠡᠨ᠎ᠡ᠃",
    evaluation_open_button: "ᠣᠨ ᠤ ᠡᠴᠦᠰ ᠦᠨ ᠦᠨᠡᠯᠡᠯᠲᠡ ᠶᠢ ᠡᠬᠢᠯᠡᠭᠦᠯᠬᠦ",
    evaluation_close_button: "ᠣᠨ ᠤ ᠡᠴᠦᠰ ᠦᠨ ᠦᠨᠡᠯᠡᠯᠲᠡ ᠶᠢ ᠲᠡᠭᠦᠰᠬᠡᠵᠦ ᠦᠷ᠎ᠡ ᠳᠦᠩ ᠢ ᠨᠡᠶᠢᠲᠡᠯᠡᠬᠦ",
    evaluation_not_open: "ᠣᠨ ᠤ ᠡᠴᠦᠰ ᠦᠨ ᠦᠨᠡᠯᠡᠯᠲᠡ ᠡᠬᠢᠯᠡᠭᠡ ᠦᠭᠡᠢ ᠪᠠᠶᠢᠨ᠎ᠠ᠃",
    evaluation_closed: "ᠣᠨ ᠤ ᠡᠴᠦᠰ ᠦᠨ ᠦᠨᠡᠯᠡᠯᠲᠡ ᠲᠡᠭᠦᠰᠪᠡ᠂ ᠦᠷ᠎ᠡ ᠳᠦᠩ ᠢ ᠲᠥᠰᠥᠯ ᠪᠦᠷᠢ ᠡᠴᠡ ᠦᠵᠡᠨ᠎ᠡ ᠤᠤ᠃",
    already_evaluated: "ᠲᠠ ᠦᠨᠡᠯᠡᠭᠰᠡᠨ ᠪᠠᠶᠢᠨ᠎ᠠ᠃ ᠦᠨᠡᠯᠡᠯᠲᠡ ᠨᠡᠷ᠎ᠡ ᠦᠭᠡᠢ᠂ ᠲᠠᠨ ᠤ ᠰᠣᠩᠭᠣᠯᠲᠠ ᠶᠢ ᠬᠡᠨ ᠴᠦ ᠦᠵᠡᠬᠦ ᠦᠭᠡᠢ᠃",
    not_eligible_evaluation: "ᠲᠠ ᠡᠨᠡ ᠱᠠᠲᠤ ᠶᠢᠨ ᠠᠷᠠᠳ ᠤᠨ ᠲᠥᠯᠥᠭᠡᠯᠡᠭᠴᠢᠳ ᠦᠨ ᠬᠤᠷᠠᠯ ᠤᠨ ᠲᠥᠯᠥᠭᠡᠯᠡᠭᠴᠢᠳ ᠦᠨ ᠨᠡᠷᠡᠰ ᠦᠨ ᠵᠠᠭᠰᠠᠭᠠᠯᠲᠠ ᠳᠤ ᠪᠠᠶᠢᠬᠤ ᠦᠭᠡᠢ (ᠦᠨᠡᠯᠡᠯᠲᠡ ᠡᠬᠢᠯᠡᠭᠰᠡᠨ ᠦᠶ᠎ᠡ ᠶᠢᠨ ᠵᠠᠭᠰᠠᠭᠠᠯᠲᠠ ᠪᠠᠷ)᠂ ᠡᠨᠡ ᠤᠳᠠᠭᠠᠬᠢ ᠦᠨᠡᠯᠡᠯᠲᠡ ᠳᠦ ᠣᠷᠣᠯᠴᠠᠵᠤ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠃",
    evaluation_intro: "ᠲᠥᠰᠥᠯ ᠪᠦᠷᠢ ᠳᠦ ᠨᠢᠭᠡ ᠨᠢᠭᠡ ᠰᠣᠩᠭᠣᠯᠲᠠ ᠬᠢᠨ᠎ᠡ ᠤᠤ᠃ ᠦᠨᠡᠯᠡᠯᠲᠡ ᠨᠡᠷ᠎ᠡ ᠦᠭᠡᠢ᠂ ᠢᠯᠡᠭᠡᠭᠰᠡᠨ ᠦ ᠳᠠᠷᠠᠭ᠎ᠠ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠬᠦ ᠪᠣᠯᠤᠮᠵᠢ ᠦᠭᠡᠢ᠃",
    evaluation_button: "ᠦᠨᠡᠯᠡᠯᠲᠡ ᠢᠯᠡᠭᠡᠬᠦ",
    evaluation_counted: "ᠦᠨᠡᠯᠡᠯᠲᠡ ᠢᠯᠡᠭᠡᠭᠳᠡᠪᠡ",
    evaluation_receipt_check: "ᠦᠨᠡᠯᠡᠯᠲᠡ ᠲᠡᠭᠦᠰᠦᠭᠰᠡᠨ ᠦ ᠳᠠᠷᠠᠭ᠎ᠠ ᠢᠯᠡ ᠪᠣᠯᠭᠠᠭᠰᠠᠨ ᠦᠨᠡᠯᠡᠯᠲᠡ ᠶᠢᠨ ᠪᠠᠷᠢᠮᠲᠠ ᠶᠢᠨ ᠵᠠᠭᠰᠠᠭᠠᠯᠲᠠ ᠳᠤ ᠪᠦᠬᠦ ᠪᠠᠷᠢᠮᠲᠠ ᠶᠢᠨ ᠬᠣᠳ ᠤᠨ 《ᠬᠤᠷᠤᠭᠤᠨ ᠤ ᠮᠥᠷ》 (SHA-256 ᠤᠳᠬ᠎ᠠ) ᠵᠠᠭᠰᠠᠭᠳᠠᠨ᠎ᠠ᠂ ᠡᠭᠦᠨ ᠢᠶᠡᠷ ᠲᠠᠨ ᠤ ᠦᠨᠡᠯᠡᠯᠲᠡ ᠲᠣᠭᠠᠯᠠᠭᠳᠠᠭᠰᠠᠨ ᠢ ᠬᠢᠨᠠᠵᠤ ᠪᠣᠯᠣᠨ᠎ᠠ᠃",
    error_year: "ᠣᠨ ᠨᠢ 2000–2100 ᠶᠢᠨ ᠬᠣᠭᠣᠷᠣᠨᠳᠣᠬᠢ ᠲᠣᠭ᠎ᠠ ᠪᠠᠶᠢᠬᠤ ᠬᠡᠷᠡᠭ ᠲᠡᠢ᠃",
    error_congress: "ᠠᠷᠠᠳ ᠤᠨ ᠲᠥᠯᠥᠭᠡᠯᠡᠭᠴᠢᠳ ᠦᠨ ᠬᠤᠷᠠᠯ ᠢᠶᠠᠨ ᠰᠣᠩᠭᠣᠨ᠎ᠠ ᠤᠤ᠃",
    error_taken: "ᠡᠨᠡ ᠱᠠᠲᠤ ᠶᠢᠨ ᠠᠷᠠᠳ ᠤᠨ ᠲᠥᠯᠥᠭᠡᠯᠡᠭᠴᠢᠳ ᠦᠨ ᠬᠤᠷᠠᠯ ᠳᠤ ᠡᠨᠡ ᠣᠨ ᠤ ᠡᠭᠡᠯᠵᠢ ᠪᠠᠶᠢᠭᠠ᠃",
    error_to_adopt: "ᠲᠣᠭᠲᠠᠭᠠᠬᠤ ᠲᠥᠰᠥᠯ ᠦᠨ ᠲᠣᠭ᠎ᠠ 1–50 ᠪᠠᠶᠢᠬᠤ ᠬᠡᠷᠡᠭ ᠲᠡᠢ᠃",
    error_into: "ᠨᠡᠶᠢᠯᠡᠭᠦᠯᠬᠦ ᠵᠥᠪᠯᠡᠯᠭᠡ ᠪᠡᠨ ᠰᠣᠩᠭᠣᠨ᠎ᠠ ᠤᠤ᠃",
    error_reason: "ᠰᠢᠯᠲᠠᠭᠠᠨ 2–300 ᠦᠰᠦᠭ ᠪᠠᠶᠢᠬᠤ ᠬᠡᠷᠡᠭ ᠲᠡᠢ᠃",
    error_title: "ᠲᠥᠰᠥᠯ ᠦᠨ ᠨᠡᠷ᠎ᠡ 4–60 ᠦᠰᠦᠭ ᠪᠠᠶᠢᠬᠤ ᠬᠡᠷᠡᠭ ᠲᠡᠢ᠃",
    error_summary: "ᠲᠥᠰᠥᠯ ᠦᠨ ᠠᠭᠤᠯᠭ᠎ᠠ 10–1000 ᠦᠰᠦᠭ ᠪᠠᠶᠢᠬᠤ ᠬᠡᠷᠡᠭ ᠲᠡᠢ᠃",
    error_unit: "ᠠᠵᠢᠯᠯᠠᠵᠤ ᠪᠠᠶᠢᠭᠠ ᠨᠢᠭᠡᠨ ᠬᠠᠷᠢᠭᠤᠴᠠᠬᠤ ᠭᠠᠵᠠᠷ ᠢ ᠰᠣᠩᠭᠣᠨ᠎ᠠ ᠤᠤ᠃",
    error_budget: "ᠲᠥᠰᠥᠪ ᠢ 1 ᠶᠤᠸᠠᠨ ᠠᠴᠠ ᠳᠡᠭᠡᠭᠰᠢ ᠪᠦᠬᠦᠯ ᠲᠣᠭ᠎ᠠ ᠪᠠᠷ (ᠶᠤᠸᠠᠨ) ᠪᠢᠴᠢᠨ᠎ᠡ ᠤᠤ᠃",
    error_target: "ᠵᠣᠷᠢᠯᠲᠠ 2–300 ᠦᠰᠦᠭ ᠪᠠᠶᠢᠬᠤ ᠬᠡᠷᠡᠭ ᠲᠡᠢ᠃",
    error_deadline: "ᠳᠠᠭᠤᠰᠬᠠᠬᠤ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠶᠢᠨ ᠡᠳᠦᠷ ᠢ ᠰᠣᠩᠭᠣᠨ᠎ᠠ ᠤᠤ᠃",
    error_proposals: "ᠴᠤᠭᠯᠠᠭᠤᠯᠵᠤ ᠪᠠᠶᠢᠭᠠ ᠡᠬᠢ ᠰᠤᠷᠪᠤᠯᠵᠢ ᠵᠥᠪᠯᠡᠯᠭᠡ ᠡᠴᠡ ᠬᠠᠮᠤᠭ ᠤᠨ ᠪᠠᠭᠠ ᠨᠢ ᠨᠢᠭᠡᠨ ᠢ ᠰᠣᠩᠭᠣᠨ᠎ᠠ ᠤᠤ᠃",
    error_members: "ᠲᠥᠯᠥᠭᠡᠯᠡᠭᠴᠢᠳ ᠦᠨ ᠨᠡᠷᠡᠰ ᠦᠨ ᠵᠠᠭᠰᠠᠭᠠᠯᠲᠠ ᠪᠤᠷᠤᠭᠤ ᠪᠠᠶᠢᠨ᠎ᠠ᠃ ᠬᠠᠭᠤᠳᠠᠰᠤ ᠶᠢ ᠳᠠᠬᠢᠨ ᠠᠴᠠᠭᠠᠯᠠᠵᠤ ᠣᠷᠣᠯᠳᠠᠨ᠎ᠠ ᠤᠤ᠃",
    error_choices: "ᠰᠠᠨᠠᠯ ᠤᠨ ᠬᠠᠭᠤᠳᠠᠰᠤ ᠪᠤᠷᠤᠭᠤ ᠪᠠᠶᠢᠨ᠎ᠠ (ᠨᠡᠷ᠎ᠡ ᠳᠡᠪᠰᠢᠭᠰᠡᠨ ᠲᠥᠰᠥᠯ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠭᠳᠡᠭᠰᠡᠨ ᠪᠤᠶᠤ ᠬᠡᠲᠦᠷᠬᠡᠢ ᠣᠯᠠᠨ ᠰᠣᠩᠭᠣᠭᠰᠠᠨ)᠃ ᠬᠠᠭᠤᠳᠠᠰᠤ ᠶᠢ ᠳᠠᠬᠢᠨ ᠠᠴᠠᠭᠠᠯᠠᠭᠠᠳ ᠳᠠᠬᠢᠨ ᠰᠣᠩᠭᠣᠨ᠎ᠠ ᠤᠤ᠃",
    error_percent: "ᠭᠦᠢᠴᠡᠳᠭᠡᠯ ᠦᠨ ᠬᠤᠪᠢ 0–100 ᠶᠢᠨ ᠪᠦᠬᠦᠯ ᠲᠣᠭ᠎ᠠ ᠪᠠᠶᠢᠬᠤ ᠬᠡᠷᠡᠭ ᠲᠡᠢ᠃",
    error_done: "《ᠶᠠᠭᠤ ᠬᠢᠭᠰᠡᠨ》 ᠨᠢ 2–1000 ᠦᠰᠦᠭ ᠪᠠᠶᠢᠬᠤ ᠬᠡᠷᠡᠭ ᠲᠡᠢ᠃",
    error_delay_reason: "ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠤᠷᠲᠤᠰᠬᠠᠭᠰᠠᠨ ᠰᠢᠯᠲᠠᠭᠠᠨ 2–300 ᠦᠰᠦᠭ ᠪᠠᠶᠢᠬᠤ ᠬᠡᠷᠡᠭ ᠲᠡᠢ᠃",
    error_lower_reason: "ᠡᠨᠡ ᠤᠳᠠᠭᠠᠬᠢ ᠬᠤᠪᠢ ᠡᠮᠦᠨᠡᠬᠢ ᠡᠴᠡ ᠪᠠᠭᠠ ᠲᠤᠯᠠ ᠪᠠᠭᠤᠷᠠᠭᠤᠯᠤᠭᠰᠠᠨ ᠰᠢᠯᠲᠠᠭᠠᠨ ᠢᠶᠠᠨ ᠪᠢᠴᠢᠨ᠎ᠡ ᠤᠤ (2–300 ᠦᠰᠦᠭ)᠃",
    error_notes: "ᠪᠠᠶᠢᠴᠠᠭᠠᠯᠲᠠ ᠶᠢᠨ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ 2–1000 ᠦᠰᠦᠭ ᠪᠠᠶᠢᠬᠤ ᠬᠡᠷᠡᠭ ᠲᠡᠢ᠃",
    error_evaluate_each: "ᠲᠥᠰᠥᠯ ᠪᠦᠷᠢ ᠳᠦ ᠨᠢᠭᠡ ᠨᠢᠭᠡ ᠰᠣᠩᠭᠣᠯᠲᠠ ᠬᠢᠭᠡᠳ ᠢᠯᠡᠭᠡᠨ᠎ᠡ ᠤᠤ᠃",
    error_wrong_phase: "ᠡᠨᠡ ᠡᠭᠡᠯᠵᠢ ᠶᠢᠨ ᠣᠳᠣᠬᠢ ᠦᠶ᠎ᠡ ᠱᠠᠲᠤ ᠳᠤ ᠡᠨᠡ ᠠᠯᠬᠤᠮ ᠢ ᠬᠢᠵᠦ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠃ ᠬᠠᠭᠤᠳᠠᠰᠤ ᠶᠢ ᠳᠠᠬᠢᠨ ᠠᠴᠠᠭᠠᠯᠠᠵᠤ ᠰᠢᠨ᠎ᠡ ᠦᠶ᠎ᠡ ᠱᠠᠲᠤ ᠶᠢ ᠦᠵᠡᠨ᠎ᠡ ᠤᠤ᠃",
    error_no_margin: "ᠰᠠᠨᠠᠯ ᠥᠭᠬᠦ ᠶᠢ ᠡᠬᠢᠯᠡᠭᠦᠯᠵᠦ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠄ ᠨᠡᠷ᠎ᠡ ᠳᠡᠪᠰᠢᠭᠰᠡᠨ ᠲᠥᠰᠥᠯ ᠦᠨ ᠲᠣᠭ᠎ᠠ ᠨᠢ ᠲᠣᠭᠲᠠᠭᠠᠬᠤ ᠲᠥᠰᠥᠯ ᠦᠨ ᠲᠣᠭ᠎ᠠ ᠠᠴᠠ ᠢᠯᠡᠭᠦ ᠪᠠᠶᠢᠬᠤ (ᠢᠯᠡᠭᠦ ᠲᠣᠭ᠎ᠠ ᠲᠠᠢ) ᠬᠡᠷᠡᠭ ᠲᠡᠢ᠂ ᠮᠥᠨ ᠲᠣᠭᠲᠠᠭᠠᠬᠤ ᠲᠥᠰᠥᠯ ᠦᠨ ᠲᠣᠭ᠎ᠠ ᠶᠢ ᠤᠷᠢᠳᠠ ᠲᠣᠭᠲᠠᠭᠠᠬᠤ ᠬᠡᠷᠡᠭ ᠲᠡᠢ᠃",
    error_no_electors: "ᠡᠬᠢᠯᠡᠭᠦᠯᠵᠦ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠄ ᠡᠨᠡ ᠱᠠᠲᠤ ᠶᠢᠨ ᠠᠷᠠᠳ ᠤᠨ ᠲᠥᠯᠥᠭᠡᠯᠡᠭᠴᠢᠳ ᠦᠨ ᠬᠤᠷᠠᠯ ᠤᠨ ᠲᠥᠯᠥᠭᠡᠯᠡᠭᠴᠢᠳ ᠦᠨ ᠨᠡᠷᠡᠰ ᠦᠨ ᠵᠠᠭᠰᠠᠭᠠᠯᠲᠠ ᠬᠣᠭᠣᠰᠣᠨ ᠪᠠᠶᠢᠨ᠎ᠠ᠃ ᠤᠷᠢᠳᠠ ᠨᠡᠷᠡᠰ ᠦᠨ ᠵᠠᠭᠰᠠᠭᠠᠯᠲᠠ ᠳᠤ ᠲᠥᠯᠥᠭᠡᠯᠡᠭᠴᠢᠳ ᠢ ᠤᠩᠱᠢᠵᠤ ᠲᠡᠮᠳᠡᠭᠯᠡᠨ᠎ᠡ ᠤᠤ᠃",
    error_not_adopted: "ᠡᠨᠡ ᠲᠥᠰᠥᠯ ᠲᠡᠭᠦᠰᠦᠭᠰᠡᠨ ᠰᠠᠨᠠᠯ ᠥᠭᠬᠦ ᠳᠦ ᠲᠣᠭᠲᠠᠭᠠᠭᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠃",
    error_gone: "ᠡᠨᠡ ᠵᠦᠢᠯ ᠣᠯᠳᠠᠬᠤ ᠦᠭᠡᠢ᠃ ᠬᠠᠭᠤᠳᠠᠰᠤ ᠶᠢ ᠳᠠᠬᠢᠨ ᠠᠴᠠᠭᠠᠯᠠᠵᠤ ᠣᠷᠣᠯᠳᠠᠨ᠎ᠠ ᠤᠤ᠃",
    error_not_member: "ᠲᠠ ᠡᠨᠡ ᠱᠠᠲᠤ ᠶᠢᠨ ᠠᠷᠠᠳ ᠤᠨ ᠲᠥᠯᠥᠭᠡᠯᠡᠭᠴᠢᠳ ᠦᠨ ᠬᠤᠷᠠᠯ ᠤᠨ ᠲᠥᠯᠥᠭᠡᠯᠡᠭᠴᠢᠳ ᠦᠨ ᠨᠡᠷᠡᠰ ᠦᠨ ᠵᠠᠭᠰᠠᠭᠠᠯᠲᠠ ᠳᠤ ᠪᠠᠶᠢᠬᠤ ᠦᠭᠡᠢ ᠲᠤᠯᠠ ᠡᠨᠡ ᠠᠯᠬᠤᠮ ᠢ ᠬᠢᠵᠦ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠃",
    cycle_title_label: "ᠡᠨᠡ ᠡᠭᠡᠯᠵᠢ ᠶᠢᠨ ᠭᠠᠷᠴᠠᠭ",
    cycle_title_hint: "ᠢᠯᠡ ᠨᠢᠭᠤᠷ ᠳᠤ ᠡᠨᠡ ᠭᠠᠷᠴᠠᠭ ᠢ ᠬᠠᠷᠠᠭᠤᠯᠤᠨ᠎ᠠ᠃ 4 ᠡᠴᠡ 60 ᠦᠰᠦᠭ᠃",
    cycle_title_save: "ᠭᠠᠷᠴᠠᠭ ᠢ ᠬᠠᠳᠠᠭᠠᠯᠠᠬᠤ",
    cycle_title_saved: "ᠭᠠᠷᠴᠠᠭ ᠬᠠᠳᠠᠭᠠᠯᠠᠭᠳᠠᠪᠠ᠃",
    evaluation_refresh: "ᠳᠠᠬᠢᠨ ᠲᠣᠭᠠᠯᠠᠬᠤ",
    members_search: "ᠨᠡᠷ᠎ᠡ ᠪᠡᠷ ᠲᠥᠯᠥᠭᠡᠯᠡᠭᠴᠢ ᠬᠠᠶᠢᠬᠤ",
    members_none_found: "ᠡᠨᠡ ᠦᠰᠦᠭ ᠲᠡᠢ ᠨᠡᠷ᠎ᠡ ᠦᠭᠡᠢ᠃",
    vote_now: "ᠰᠠᠨᠠᠯ ᠥᠭᠬᠦ᠄ {title}",
    follow_projects: "{title}᠄ ᠪᠠᠶᠢᠴᠠᠭᠠᠯᠲᠠ ᠪᠠ ᠦᠨᠡᠯᠡᠯᠲᠡ",
    congress_of: "{district} ᠠᠷᠠᠳ ᠤᠨ ᠲᠥᠯᠥᠭᠡᠯᠡᠭᠴᠢᠳ ᠦᠨ ᠬᠤᠷᠠᠯ",
    cycle_title: "{congress}  ᠤᠨ {year} ᠣᠨ ᠤ ᠠᠷᠠᠳ ᠤᠨ ᠠᠮᠢᠳᠤᠷᠠᠯ ᠤᠨ ᠪᠣᠳᠠᠲᠤ ᠬᠡᠷᠡᠭ ᠦᠨ ᠲᠥᠰᠥᠯ",
    phase_preparing: "ᠪᠡᠯᠡᠳᠬᠡᠵᠦ ᠪᠠᠶᠢᠨ᠎ᠠ",
    phase_collecting: "ᠲᠥᠰᠥᠯ ᠴᠤᠭᠯᠠᠭᠤᠯᠬᠤ",
    phase_shortlisting: "ᠨᠡᠷ᠎ᠡ ᠳᠡᠪᠰᠢᠭᠰᠡᠨ ᠲᠥᠰᠥᠯ ᠢ ᠤᠷᠢᠳᠴᠢᠯᠠᠨ ᠲᠣᠭᠲᠠᠭᠠᠬᠤ",
    phase_voting: "ᠲᠥᠯᠥᠭᠡᠯᠡᠭᠴᠢᠳ ᠰᠠᠨᠠᠯ ᠥᠭᠬᠦ",
    phase_closed: "ᠰᠠᠨᠠᠯ ᠥᠭᠬᠦ ᠲᠡᠭᠦᠰᠪᠡ",
    phase_explained_preparing: "ᠪᠠᠶᠢᠭᠤᠯᠤᠭᠰᠠᠨ᠂ ᠴᠤᠭᠯᠠᠭᠤᠯᠭ᠎ᠠ ᠡᠬᠢᠯᠡᠭᠡ ᠦᠭᠡᠢ ᠪᠠᠶᠢᠨ᠎ᠠ᠃",
    phase_explained_collecting: "ᠢᠷᠭᠡᠳ ᠲᠥᠰᠥᠯ ᠦᠨ ᠵᠥᠪᠯᠡᠯᠭᠡ ᠳᠡᠪᠰᠢᠭᠦᠯᠵᠦ᠂ ᠳᠡᠮᠵᠢᠵᠦ ᠪᠠᠶᠢᠨ᠎ᠠ᠃ ᠠᠵᠢᠯᠴᠢᠨ ᠳᠠᠪᠬᠤᠷᠳᠠᠭᠰᠠᠨ ᠵᠥᠪᠯᠡᠯᠭᠡ ᠶᠢ ᠨᠡᠶᠢᠯᠡᠭᠦᠯᠬᠦ᠂ ᠰᠢᠯᠲᠠᠭᠠᠨ ᠢ ᠲᠠᠶᠢᠯᠪᠤᠷᠢᠯᠠᠭᠠᠳ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠦᠭᠡᠢ᠂ ᠨᠡᠷ᠎ᠡ ᠳᠡᠪᠰᠢᠭᠰᠡᠨ ᠲᠥᠰᠥᠯ ᠦᠨ ᠨᠠᠶᠢᠷᠠᠭ ᠪᠢᠴᠢᠵᠦ ᠪᠣᠯᠣᠨ᠎ᠠ᠃",
    phase_explained_shortlisting: "ᠴᠤᠭᠯᠠᠭᠤᠯᠭ᠎ᠠ ᠲᠡᠭᠦᠰᠪᠡ᠃ ᠨᠡᠷ᠎ᠡ ᠳᠡᠪᠰᠢᠭᠰᠡᠨ ᠲᠥᠰᠥᠯ ᠦᠨ ᠵᠠᠭᠰᠠᠭᠠᠯᠲᠠ ᠶᠢᠨ ᠨᠠᠶᠢᠷᠠᠭ ᠢ ᠪᠢᠴᠢᠨ᠎ᠡ ᠤᠤ᠄ ᠨᠡᠷ᠎ᠡ ᠳᠡᠪᠰᠢᠭᠰᠡᠨ ᠲᠥᠰᠥᠯ ᠦᠨ ᠲᠣᠭ᠎ᠠ ᠨᠢ ᠲᠣᠭᠲᠠᠭᠠᠬᠤ ᠲᠥᠰᠥᠯ ᠦᠨ ᠲᠣᠭ᠎ᠠ ᠠᠴᠠ ᠢᠯᠡᠭᠦ ᠪᠠᠶᠢᠬᠤ ᠬᠡᠷᠡᠭ ᠲᠡᠢ (ᠢᠯᠡᠭᠦ ᠲᠣᠭ᠎ᠠ ᠲᠠᠢ)᠃",
    phase_explained_voting: "ᠲᠥᠯᠥᠭᠡᠯᠡᠭᠴᠢᠳ ᠰᠠᠨᠠᠯ ᠥᠭᠴᠦ ᠪᠠᠶᠢᠨ᠎ᠠ᠃ ᠵᠠᠭᠰᠠᠭᠠᠯᠲᠠ ᠲᠣᠭᠲᠠᠪᠠ᠄ ᠰᠠᠨᠠᠯ ᠥᠭᠬᠦ ᠲᠡᠭᠦᠰᠬᠦ ᠡᠴᠡ ᠤᠷᠢᠳᠠ ᠶᠠᠮᠠᠷ ᠴᠦ ᠰᠠᠨᠠᠯ ᠤᠨ ᠲᠣᠭ᠎ᠠ ᠦᠵᠡᠭᠦᠯᠬᠦ ᠦᠭᠡᠢ᠃",
    phase_explained_closed: "ᠰᠠᠨᠠᠯ ᠥᠭᠬᠦ ᠲᠡᠭᠦᠰᠪᠡ᠂ ᠦᠷ᠎ᠡ ᠳᠦᠩ ᠪᠠ ᠰᠠᠨᠠᠯ ᠤᠨ ᠪᠠᠷᠢᠮᠲᠠ ᠶᠢ ᠢᠯᠡ ᠪᠣᠯᠭᠠᠪᠠ᠃ ᠶᠠᠪᠤᠴᠠ ᠶᠢ ᠨᠡᠶᠢᠲᠡᠯᠡᠬᠦ᠂ ᠣᠨ ᠤ ᠡᠴᠦᠰ ᠦᠨ ᠦᠨᠡᠯᠡᠯᠲᠡ ᠶᠢ ᠡᠬᠢᠯᠡᠭᠦᠯᠵᠦ ᠪᠣᠯᠣᠨ᠎ᠠ᠃",
    vote_phase_words_preparing: "ᠡᠨᠡ ᠡᠭᠡᠯᠵᠢ ᠪᠡᠯᠡᠳᠬᠡᠯ ᠦᠨ ᠦᠶ᠎ᠡ ᠳᠦ ᠪᠠᠶᠢᠭᠠ᠂ ᠰᠠᠨᠠᠯ ᠥᠭᠬᠦ ᠡᠬᠢᠯᠡᠭᠡ ᠦᠭᠡᠢ᠃",
    vote_phase_words_collecting: "ᠣᠳᠣ ᠲᠥᠰᠥᠯ ᠴᠤᠭᠯᠠᠭᠤᠯᠬᠤ ᠦᠶ᠎ᠡ ᠱᠠᠲᠤ᠂ ᠰᠠᠨᠠᠯ ᠥᠭᠬᠦ ᠡᠬᠢᠯᠡᠭᠡ ᠦᠭᠡᠢ᠃",
    vote_phase_words_shortlisting: "ᠨᠡᠷ᠎ᠡ ᠳᠡᠪᠰᠢᠭᠰᠡᠨ ᠲᠥᠰᠥᠯ ᠢ ᠤᠷᠢᠳᠴᠢᠯᠠᠨ ᠲᠣᠭᠲᠠᠭᠠᠵᠤ ᠪᠠᠶᠢᠨ᠎ᠠ᠂ ᠰᠠᠨᠠᠯ ᠥᠭᠬᠦ ᠡᠬᠢᠯᠡᠭᠡ ᠦᠭᠡᠢ᠃",
    vote_phase_words_voting: "ᠰᠠᠨᠠᠯ ᠥᠭᠬᠦ ᠶᠠᠪᠤᠭᠳᠠᠵᠤ ᠪᠠᠶᠢᠨ᠎ᠠ᠃",
    vote_phase_words_closed: "ᠰᠠᠨᠠᠯ ᠥᠭᠬᠦ ᠲᠡᠭᠦᠰᠴᠡᠢ᠂ ᠳᠠᠬᠢᠨ ᠰᠠᠨᠠᠯ ᠥᠭᠴᠦ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠃ ᠦᠷ᠎ᠡ ᠳᠦᠩ ᠢ ᠢᠯᠡ ᠪᠣᠯᠭᠠᠪᠠ᠃",
    cycle_numbers_unset: "ᠲᠣᠭᠲᠠᠭᠠᠭᠠ ᠦᠭᠡᠢ",
    cycle_numbers_to_adopt: "{to_adopt}",
    cycle_numbers_eligible_unset: "ᠰᠠᠨᠠᠯ ᠥᠭᠬᠦ ᠶᠢ ᠡᠬᠢᠯᠡᠬᠦ ᠦᠶ᠎ᠡ ᠳᠦ ᠲᠣᠭᠲᠠᠭᠠᠨ᠎ᠠ",
    cycle_numbers_eligible: "{eligible} ᠬᠦᠮᠦᠨ",
    cycle_numbers: "ᠲᠣᠭᠲᠠᠭᠠᠬᠤ ᠲᠥᠰᠥᠯ ᠦᠨ ᠲᠣᠭ᠎ᠠ᠄ {to_adopt}᠂ ᠰᠠᠨᠠᠯ ᠥᠭᠬᠦ ᠡᠷᠬᠡ ᠲᠡᠢ ᠲᠥᠯᠥᠭᠡᠯᠡᠭᠴᠢ᠄ {eligible}",
    move_to: "《{p}》 ᠦᠶ᠎ᠡ ᠱᠠᠲᠤ ᠳᠤ ᠰᠢᠯᠵᠢᠬᠦ",
    move_confirm_collecting: "ᠴᠤᠭᠯᠠᠭᠤᠯᠭ᠎ᠠ ᠡᠬᠢᠯᠡᠭᠰᠡᠨ ᠦ ᠳᠠᠷᠠᠭ᠎ᠠ ᠢᠷᠭᠡᠳ ᠲᠥᠰᠥᠯ ᠦᠨ ᠵᠥᠪᠯᠡᠯᠭᠡ ᠳᠡᠪᠰᠢᠭᠦᠯᠵᠦ᠂ ᠳᠡᠮᠵᠢᠵᠦ ᠪᠣᠯᠣᠨ᠎ᠠ᠃ ᠡᠬᠢᠯᠡᠬᠦ ᠤᠤ?",
    move_confirm_shortlisting: "ᠴᠤᠭᠯᠠᠭᠤᠯᠭ᠎ᠠ ᠲᠡᠭᠦᠰᠦᠭᠰᠡᠨ ᠦ ᠳᠠᠷᠠᠭ᠎ᠠ ᠢᠷᠭᠡᠳ ᠳᠠᠬᠢᠨ ᠵᠥᠪᠯᠡᠯᠭᠡ ᠳᠡᠪᠰᠢᠭᠦᠯᠬᠦ᠂ ᠳᠡᠮᠵᠢᠬᠦ ᠪᠣᠯᠤᠮᠵᠢ ᠦᠭᠡᠢ᠃ ᠴᠤᠭᠯᠠᠭᠤᠯᠭ᠎ᠠ ᠶᠢ ᠲᠡᠭᠦᠰᠬᠡᠬᠦ ᠤᠤ?",
    move_confirm_voting: "ᠰᠠᠨᠠᠯ ᠥᠭᠬᠦ ᠡᠬᠢᠯᠡᠭᠰᠡᠨ ᠦ ᠳᠠᠷᠠᠭ᠎ᠠ ᠨᠡᠷ᠎ᠡ ᠳᠡᠪᠰᠢᠭᠰᠡᠨ ᠲᠥᠰᠥᠯ ᠦᠨ ᠵᠠᠭᠰᠠᠭᠠᠯᠲᠠ ᠲᠣᠭᠲᠠᠵᠤ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠬᠦ ᠪᠣᠯᠤᠮᠵᠢ ᠦᠭᠡᠢ᠂ ᠰᠠᠨᠠᠯ ᠥᠭᠬᠦ ᠡᠷᠬᠡ ᠲᠡᠢ ᠲᠥᠯᠥᠭᠡᠯᠡᠭᠴᠢᠳ ᠦᠨ ᠨᠡᠷᠡᠰ ᠦᠨ ᠵᠠᠭᠰᠠᠭᠠᠯᠲᠠ ᠴᠦ ᠮᠥᠨ ᠲᠣᠭᠲᠠᠨ᠎ᠠ᠃ ᠰᠠᠨᠠᠯ ᠥᠭᠬᠦ ᠶᠢ ᠡᠬᠢᠯᠡᠬᠦ ᠤᠤ?",
    move_confirm_closed: "ᠰᠠᠨᠠᠯ ᠥᠭᠬᠦ ᠲᠡᠭᠦᠰᠦᠭᠰᠡᠨ ᠦ ᠳᠠᠷᠠᠭ᠎ᠠ ᠳᠠᠬᠢᠨ ᠰᠠᠨᠠᠯ ᠥᠭᠴᠦ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠂ ᠦᠷ᠎ᠡ ᠳᠦᠩ ᠪᠠ ᠰᠠᠨᠠᠯ ᠤᠨ ᠪᠠᠷᠢᠮᠲᠠ ᠳᠠᠷᠤᠢ ᠢᠯᠡ ᠪᠣᠯᠣᠨ᠎ᠠ᠃ ᠰᠠᠨᠠᠯ ᠥᠭᠬᠦ ᠶᠢ ᠲᠡᠭᠦᠰᠬᠡᠬᠦ ᠤᠤ?",
    move_confirm_preparing: "ᠪᠠᠲᠤᠯᠠᠬᠤ ᠤᠤ?",
    members_summary: "{congress}  ᠤᠨ ᠲᠥᠯᠥᠭᠡᠯᠡᠭᠴᠢᠳ ᠦᠨ ᠨᠡᠷᠡᠰ ᠦᠨ ᠵᠠᠭᠰᠠᠭᠠᠯᠲᠠ ({n} ᠬᠦᠮᠦᠨ)",
    proposals_heading: "ᠲᠥᠰᠥᠯ ᠦᠨ ᠵᠥᠪᠯᠡᠯᠭᠡ ({n})",
    supporters_one: "{n} ᠬᠦᠮᠦᠨ ᠳᠡᠮᠵᠢᠪᠡ",
    supporters_other: "{n} ᠬᠦᠮᠦᠨ ᠳᠡᠮᠵᠢᠪᠡ",
    proposal_status_open: "ᠴᠤᠭᠯᠠᠭᠤᠯᠵᠤ ᠪᠠᠶᠢᠨ᠎ᠠ",
    proposal_status_merged: "ᠨᠡᠶᠢᠯᠡᠭᠦᠯᠦᠭᠰᠡᠨ",
    proposal_status_declined: "ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ ᠦᠭᠡᠢ",
    merged_into: "{n}  ᠳᠤ ᠨᠡᠶᠢᠯᠡᠭᠦᠯᠦᠭᠰᠡᠨ",
    declined_because: "ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ ᠦᠭᠡᠢ ᠰᠢᠯᠲᠠᠭᠠᠨ (ᠢᠯᠡ)᠄ {r}",
    margin_words_unset: "ᠵᠠᠭᠰᠠᠭᠠᠯᠲᠠ ᠳᠤ {listed} ᠨᠡᠷ᠎ᠡ ᠳᠡᠪᠰᠢᠭᠰᠡᠨ ᠲᠥᠰᠥᠯ ᠪᠠᠶᠢᠨ᠎ᠠ᠂ ᠲᠣᠭᠲᠠᠭᠠᠬᠤ ᠲᠥᠰᠥᠯ ᠦᠨ ᠲᠣᠭ᠎ᠠ ᠶᠢ ᠲᠣᠭᠲᠠᠭᠠᠭᠠ ᠦᠭᠡᠢ ᠪᠠᠶᠢᠨ᠎ᠠ᠃",
    margin_words_enough: "ᠵᠠᠭᠰᠠᠭᠠᠯᠲᠠ ᠳᠤ {listed} ᠨᠡᠷ᠎ᠡ ᠳᠡᠪᠰᠢᠭᠰᠡᠨ ᠲᠥᠰᠥᠯ ᠪᠠᠶᠢᠨ᠎ᠠ᠂ {to_adopt} ᠲᠥᠰᠥᠯ ᠲᠣᠭᠲᠠᠭᠠᠨ᠎ᠠ᠄ ᠢᠯᠡᠭᠦ ᠲᠣᠭ᠎ᠠ ᠶᠢᠨ ᠱᠠᠭᠠᠷᠳᠠᠯᠭ᠎ᠠ ᠳᠤ ᠨᠡᠶᠢᠴᠡᠵᠦ ᠪᠠᠶᠢᠨ᠎ᠠ᠃",
    margin_words_short: "ᠵᠠᠭᠰᠠᠭᠠᠯᠲᠠ ᠳᠤ {listed} ᠨᠡᠷ᠎ᠡ ᠳᠡᠪᠰᠢᠭᠰᠡᠨ ᠲᠥᠰᠥᠯ ᠪᠠᠶᠢᠨ᠎ᠠ᠂ {to_adopt} ᠲᠥᠰᠥᠯ ᠲᠣᠭᠲᠠᠭᠠᠨ᠎ᠠ᠄ ᠰᠠᠨᠠᠯ ᠥᠭᠬᠦ ᠶᠢ ᠡᠬᠢᠯᠡᠭᠦᠯᠬᠦ ᠶᠢᠨ ᠲᠤᠯᠠᠳᠠ ᠨᠡᠷ᠎ᠡ ᠳᠡᠪᠰᠢᠭᠰᠡᠨ ᠲᠥᠰᠥᠯ {to_adopt} ᠲᠥᠰᠥᠯ ᠡᠴᠡ ᠢᠯᠡᠭᠦ ᠪᠠᠶᠢᠬᠤ ᠬᠡᠷᠡᠭ ᠲᠡᠢ᠃",
    from_proposals: "ᠡᠬᠢ ᠰᠤᠷᠪᠤᠯᠵᠢ ᠵᠥᠪᠯᠡᠯᠭᠡ᠄ {list}",
    choose_up_to: "ᠳᠣᠣᠷᠠᠬᠢ ᠨᠡᠷ᠎ᠡ ᠳᠡᠪᠰᠢᠭᠰᠡᠨ ᠲᠥᠰᠥᠯ ᠡᠴᠡ ᠰᠣᠩᠭᠣᠨ᠎ᠠ ᠤᠤ᠂ ᠬᠠᠮᠤᠭ ᠤᠨ ᠣᠯᠠᠨ ᠳᠠᠭᠠᠨ {n} ᠲᠥᠰᠥᠯ ᠰᠣᠩᠭᠣᠵᠤ ᠪᠣᠯᠣᠨ᠎ᠠ᠃ ᠨᠢᠭᠡ ᠴᠦ ᠰᠣᠩᠭᠣᠬᠤ ᠦᠭᠡᠢ ᠪᠠᠶᠢᠵᠤ ᠪᠣᠯᠣᠨ᠎ᠠ (ᠬᠣᠭᠣᠰᠣᠨ ᠰᠠᠨᠠᠯ ᠤᠨ ᠬᠠᠭᠤᠳᠠᠰᠤ)᠃",
    chosen_count: "{k} ᠰᠣᠩᠭᠣᠪᠠ᠂ ᠬᠠᠮᠤᠭ ᠤᠨ ᠣᠯᠠᠨ ᠳᠠᠭᠠᠨ {n}",
    choice_limit: "ᠬᠠᠮᠤᠭ ᠤᠨ ᠣᠯᠠᠨ ᠳᠠᠭᠠᠨ {n} ᠲᠥᠰᠥᠯ ᠰᠣᠩᠭᠣᠵᠤ ᠪᠣᠯᠣᠨ᠎ᠠ᠃ ᠥᠭᠡᠷ᠎ᠡ ᠲᠥᠰᠥᠯ ᠰᠣᠩᠭᠣᠬᠤ ᠪᠣᠯ ᠤᠷᠢᠳᠠ ᠰᠣᠩᠭᠣᠭᠰᠠᠨ ᠨᠢᠭᠡᠨ ᠢ ᠪᠣᠯᠢᠯᠴᠠᠨ᠎ᠠ ᠤᠤ᠃",
    review_chosen_one: "ᠲᠠ {k} ᠲᠥᠰᠥᠯ ᠰᠣᠩᠭᠣᠪᠠ᠄",
    review_chosen_other: "ᠲᠠ {k} ᠲᠥᠰᠥᠯ ᠰᠣᠩᠭᠣᠪᠠ᠄",
    turnout: "ᠰᠠᠨᠠᠯ ᠥᠭᠬᠦ ᠡᠷᠬᠡ ᠲᠡᠢ ᠲᠥᠯᠥᠭᠡᠯᠡᠭᠴᠢ {eligible}᠂ ᠪᠣᠳᠠᠲᠠᠢ ᠰᠠᠨᠠᠯ ᠥᠭᠦᠭᠰᠡᠨ ᠨᠢ {cast}᠃",
    outcome_adopted: "ᠰᠣᠩᠭᠣᠭᠳᠠᠪᠠ",
    outcome_tied_at_cut_off: "ᠠᠳᠠᠯᠢ ᠰᠠᠨᠠᠯ ᠠᠪᠤᠭᠰᠠᠨ ᠲᠤᠯᠠ ᠲᠣᠭᠲᠠᠭᠠᠭᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ",
    outcome_out_of_places: "ᠲᠠᠯ ᠬᠠᠭᠠᠰ ᠠᠴᠠ ᠢᠯᠡᠭᠦ ᠰᠠᠨᠠᠯ ᠠᠪᠤᠭᠰᠠᠨ ᠪᠣᠯᠪᠠᠴᠤ ᠣᠷᠤᠨ ᠤ ᠲᠣᠭ᠎ᠠ ᠳᠦᠭᠦᠷᠭᠡᠨ",
    outcome_no_majority: "ᠲᠠᠯ ᠬᠠᠭᠠᠰ ᠠᠴᠠ ᠢᠯᠡᠭᠦ ᠰᠠᠨᠠᠯ ᠠᠪᠤᠭᠰᠠᠨ ᠦᠭᠡᠢ",
    result_line_one: "{votes} ᠰᠠᠨᠠᠯ᠂ {outcome}",
    result_line_other: "{votes} ᠰᠠᠨᠠᠯ᠂ {outcome}",
    votes_of: "ᠠᠪᠤᠭᠰᠠᠨ ᠰᠠᠨᠠᠯ {votes} / ᠰᠠᠨᠠᠯ ᠥᠭᠬᠦ ᠡᠷᠬᠡ ᠲᠡᠢ {eligible}",
    percent_done: "{p}% ᠭᠦᠢᠴᠡᠳᠬᠡᠪᠡ",
    flag_words_update_overdue: "ᠶᠠᠪᠤᠴᠠ ᠶᠢᠨ ᠮᠡᠳᠡᠭᠡ ᠬᠣᠴᠣᠷᠠᠭᠰᠠᠨ᠄ 31 ᠡᠳᠦᠷ ᠡᠴᠡ ᠢᠯᠡᠭᠦ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠳᠤ ᠶᠠᠪᠤᠴᠠ ᠨᠡᠶᠢᠲᠡᠯᠡᠭᠰᠡᠨ ᠦᠭᠡᠢ᠃",
    flag_words_past_deadline: "ᠳᠠᠭᠤᠰᠬᠠᠬᠤ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠥᠩᠭᠡᠷᠡᠭᠰᠡᠨ ᠪᠣᠯᠪᠠᠴᠤ ᠳᠠᠭᠤᠰᠤᠭᠠ ᠦᠭᠡᠢ᠃",
    delay_words: "ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠤᠷᠲᠤᠰᠬᠠᠭᠰᠠᠨ ᠰᠢᠯᠲᠠᠭᠠᠨ᠄ {r}",
    lower_words: "ᠶᠠᠪᠤᠴᠠ ᠶᠢ ᠪᠠᠭᠤᠷᠠᠭᠤᠯᠤᠭᠰᠠᠨ ᠰᠢᠯᠲᠠᠭᠠᠨ᠄ {r}",
    evaluation_nobody: "ᠬᠡᠨ ᠴᠦ ᠦᠨᠡᠯᠡᠭᠡ ᠦᠭᠡᠢ",
    evaluation_result: "ᠣᠨ ᠤ ᠡᠴᠦᠰ ᠦᠨ ᠦᠨᠡᠯᠡᠯᠲᠡ᠄ {result} (ᠰᠡᠳᠬᠢᠯ ᠬᠠᠨᠤᠭᠰᠠᠨ {satisfied}᠂ ᠦᠨᠳᠦᠰᠦᠨ ᠳᠦ ᠨᠢ ᠰᠡᠳᠬᠢᠯ ᠬᠠᠨᠤᠭᠰᠠᠨ {basically_satisfied}᠂ ᠰᠡᠳᠬᠢᠯ ᠬᠠᠨᠤᠭᠰᠠᠨ ᠦᠭᠡᠢ {dissatisfied}᠂ ᠦᠨᠡᠯᠡᠬᠦ ᠡᠷᠬᠡ ᠲᠡᠢ {eligible} ᠬᠦᠮᠦᠨ)",
    evaluation_state_words_open: "ᠣᠨ ᠤ ᠡᠴᠦᠰ ᠦᠨ ᠦᠨᠡᠯᠡᠯᠲᠡ ᠶᠠᠪᠤᠭᠳᠠᠵᠤ ᠪᠠᠶᠢᠨ᠎ᠠ᠃",
    evaluation_state_words_closed: "ᠣᠨ ᠤ ᠡᠴᠦᠰ ᠦᠨ ᠦᠨᠡᠯᠡᠯᠲᠡ ᠲᠡᠭᠦᠰᠴᠦ᠂ ᠦᠷ᠎ᠡ ᠳᠦᠩ ᠢ ᠨᠡᠶᠢᠲᠡᠯᠡᠪᠡ᠃",
    satisfaction_satisfied: "ᠰᠡᠳᠬᠢᠯ ᠬᠠᠨᠤᠭᠰᠠᠨ",
    satisfaction_basically_satisfied: "ᠦᠨᠳᠦᠰᠦᠨ ᠳᠦ ᠨᠢ ᠰᠡᠳᠬᠢᠯ ᠬᠠᠨᠤᠭᠰᠠᠨ",
    satisfaction_dissatisfied: "ᠰᠡᠳᠬᠢᠯ ᠬᠠᠨᠤᠭᠰᠠᠨ ᠦᠭᠡᠢ",
    evaluation_progress: "{of} ᠲᠥᠯᠥᠭᠡᠯᠡᠭᠴᠢ ᠡᠴᠡ {done} ᠨᠢ ᠦᠨᠡᠯᠡᠪᠡ᠃ ᠲᠡᠭᠦᠰᠬᠦ ᠡᠴᠡ ᠡᠮᠦᠨ᠎ᠡ ᠰᠣᠩᠭᠣᠯᠲᠠ ᠶᠢ ᠬᠠᠷᠠᠭᠤᠯᠬᠤ ᠦᠭᠡᠢ᠃",
};

/// Traditional Mongolian (`mn-Mong-CN`), a first draft awaiting review by a native translator
/// (see [`super::MN_AWAITING_REVIEW`]). Chinese proper names stay in Chinese.
/// The Mongolian office strings (natively).
#[cfg(not(target_arch = "wasm32"))]
pub const MN: ProjectOffice = mn(&MN_TEXT);

/// The Mongolian office catalog around its strings.
pub const fn mn(text: &'static OfficeText) -> ProjectOffice {
    ProjectOffice { text }
}
