package org.hikeshi.incident;

/**
 * The one place for the names of the incident-response process: its key, the ids of the elements code refers
 * to, its variables and the candidate groups. BPMN, forms and Java agree on these; docs/process.md lists them.
 */
public final class IncidentProcess {

	public static final String PROCESS_KEY = "incident-response";

	public static final String RESOURCE = "incident-response.bpmn";

	private IncidentProcess() {
	}

	/** Candidate groups of the user tasks. */
	public static final class Groups {

		public static final String COORDINATORS = "coordinators";

		public static final String MANAGERS = "managers";

		public static final String ADMINS = "camunda-admin";

		private Groups() {
		}

	}

	/** Element ids, following Camunda's naming guide. */
	public static final class Elements {

		public static final String START_INCIDENT_REPORTED = "StartEvent_IncidentReported";

		public static final String TASK_REGISTER_INCIDENT = "Task_RegisterIncident";

		public static final String GATEWAY_CLIENT_TYPE = "Gateway_ClientType";

		public static final String TASK_NOTIFY_INDIVIDUAL_REFERRAL = "Task_NotifyIndividualReferral";

		public static final String END_INDIVIDUAL_REFERRED = "EndEvent_IndividualReferred";

		public static final String TASK_NOTIFY_INCIDENT_RECEIVED = "Task_NotifyIncidentReceived";

		public static final String TASK_CONCLUDE_NDA = "Task_ConcludeNda";

		public static final String GATEWAY_NDA_CONCLUDED = "Gateway_NdaConcluded";

		public static final String TASK_DECLINE_ENGAGEMENT = "Task_DeclineEngagement";

		public static final String TASK_NOTIFY_NDA_DECLINED = "Task_NotifyNdaDeclined";

		public static final String END_ENGAGEMENT_DECLINED = "EndEvent_EngagementDeclined";

		public static final String SUBPROCESS_INITIAL_INVESTIGATION = "SubProcess_InitialInvestigation";

		public static final String TASK_DISPATCH_RESPONDER = "Task_DispatchResponder";

		public static final String TIMER_DISPATCH_SLA_WARNING = "Timer_DispatchSlaWarning";

		public static final String TIMER_DISPATCH_SLA_BREACHED = "Timer_DispatchSlaBreached";

		public static final String TASK_NOTIFY_DISPATCH_SLA_WARNING = "Task_NotifyDispatchSlaWarning";

		public static final String TASK_RECORD_DISPATCH_SLA_BREACH = "Task_RecordDispatchSlaBreach";

		public static final String TASK_NOTIFY_DISPATCH_SLA_BREACH = "Task_NotifyDispatchSlaBreach";

		public static final String TASK_RECORD_DISPATCH = "Task_RecordDispatch";

		public static final String TASK_NOTIFY_RESPONDER_DISPATCHED = "Task_NotifyResponderDispatched";

		public static final String TASK_INVESTIGATE_ON_SITE = "Task_InvestigateOnSite";

		public static final String TASK_CREATE_INITIAL_REPORT = "Task_CreateInitialReport";

		public static final String TASK_NOTIFY_INITIAL_REPORT = "Task_NotifyInitialReport";

		public static final String TASK_DECIDE_POLICY = "Task_DecidePolicy";

		public static final String TASK_RECORD_POLICY = "Task_RecordPolicy";

		public static final String TASK_PREPARE_QUOTE = "Task_PrepareQuote";

		public static final String TASK_REVIEW_QUOTE = "Task_ReviewQuote";

		public static final String TASK_SEND_QUOTE = "Task_SendQuote";

		public static final String SUBPROCESS_FULL_INVESTIGATION = "SubProcess_FullInvestigation";

		public static final String GATEWAY_POLICY = "Gateway_Policy";

		public static final String TASK_INVESTIGATE_TERMINALS = "Task_InvestigateTerminals";

		public static final String TASK_REMOVE_MALWARE = "Task_RemoveMalware";

		public static final String TASK_RESTORE_FROM_BACKUP = "Task_RestoreFromBackup";

		public static final String GATEWAY_INSIDER_SUSPECTED = "Gateway_InsiderSuspected";

		public static final String TASK_PRESERVE_EVIDENCE = "Task_PreserveEvidence";

		public static final String TASK_PRESERVE_EVIDENCE_WITH_WITNESS = "Task_PreserveEvidenceWithWitness";

		public static final String TASK_ANALYSE_EVIDENCE = "Task_AnalyseEvidence";

		public static final String TASK_SUBMIT_EVIDENCE = "Task_SubmitEvidence";

		public static final String TASK_PROPOSE_COUNTERMEASURES = "Task_ProposeCountermeasures";

		public static final String TASK_CREATE_FULL_REPORT = "Task_CreateFullReport";

		public static final String TASK_NOTIFY_FULL_REPORT = "Task_NotifyFullReport";

		public static final String TASK_HOLD_DEBRIEF = "Task_HoldDebrief";

		public static final String GATEWAY_MEDIA_SUPPORT = "Gateway_MediaSupportRequested";

		public static final String TASK_HANDLE_MEDIA = "Task_HandleMedia";

		public static final String GATEWAY_MONITORING = "Gateway_MonitoringContracted";

		public static final String SUBPROCESS_MONITORING = "SubProcess_Monitoring";

		public static final String TASK_INSTALL_IDS = "Task_InstallIds";

		public static final String TASK_CONCLUDE_MONITORING = "Task_ConcludeMonitoring";

		public static final String SUBPROCESS_FOLLOW_UP = "SubProcess_FollowUp";

		public static final String TASK_SUPPORT_RECOVERY = "Task_SupportRecovery";

		public static final String TASK_STRENGTHEN_SECURITY = "Task_StrengthenSecurity";

		public static final String TASK_TRAIN_EMPLOYEES = "Task_TrainEmployees";

		public static final String TASK_CREATE_FINAL_REPORT = "Task_CreateFinalReport";

		public static final String TASK_ISSUE_INVOICE = "Task_IssueInvoice";

		public static final String TASK_NOTIFY_INCIDENT_CLOSED = "Task_NotifyIncidentClosed";

		public static final String TASK_CLOSE_INCIDENT = "Task_CloseIncident";

		public static final String END_INCIDENT_CLOSED = "EndEvent_IncidentClosed";

		private Elements() {
		}

	}

	/** Process variables: the intake fields, the routing values the gateways read, and the task outcomes. */
	public static final class Variables {

		// written by the start form / POST /api/incidents, moved into the incident table at registration
		public static final String ORGANIZATION = "organization";

		public static final String CLIENT_TYPE = "clientType";

		public static final String CONTACT_NAME = "contactName";

		public static final String EMAIL = "email";

		public static final String PHONE = "phone";

		public static final String PREFECTURE = "prefecture";

		public static final String DISCOVERED_AT = "discoveredAt";

		public static final String CONTACTED_AT = "contactedAt";

		public static final String INCIDENT_TYPES = "incidentTypes";

		public static final String DATA_CATEGORIES = "dataCategories";

		public static final String DISCOVERY_NARRATIVE = "discoveryNarrative";

		public static final String INSIDER_SUSPECTED = "insiderSuspected";

		public static final String LANGUAGE = "language";

		// set at registration
		public static final String INCIDENT_ID = "incidentId";

		public static final String INCIDENT_REFERENCE = "incidentReference";

		public static final String DISPATCH_SLA_WARNING_AT = "dispatchSlaWarningAt";

		public static final String DISPATCH_DUE_AT = "dispatchDueAt";

		// task outcomes read by gateways and service tasks
		public static final String NDA_CONCLUDED = "ndaConcluded";

		public static final String RESPONDER_NAME = "responderName";

		/** The responder's user id: the one coordinator who, besides managers, works a confidential incident. */
		public static final String RESPONDER_USER_ID = "responderUserId";

		public static final String DISPATCH_MODE = "dispatchMode";

		public static final String RESPONSE_POLICY = "responsePolicy";

		public static final String MEDIA_SUPPORT_REQUESTED = "mediaSupportRequested";

		public static final String MONITORING_CONTRACTED = "monitoringContracted";

		public static final String MONITORING_MONTHS = "monitoringMonths";

		// form fields that reports and mails read (see docs/process.md for every form's fields)
		public static final String NDA_SIGNED_ON = "ndaSignedOn";

		public static final String PLANNED_ARRIVAL = "plannedArrival";

		public static final String SITUATION_SUMMARY = "situationSummary";

		public static final String DAMAGE_FOUND = "damageFound";

		public static final String INTERIM_MEASURES = "interimMeasures";

		public static final String MILESTONES = "milestones";

		public static final String POLICY_RATIONALE = "policyRationale";

		public static final String TERMINALS_INVESTIGATED = "terminalsInvestigated";

		public static final String INFECTED_TERMINALS = "infectedTerminals";

		public static final String MALWARE_IDENTIFIED = "malwareIdentified";

		public static final String REMOVAL_SUMMARY = "removalSummary";

		public static final String RESTORE_SUMMARY = "restoreSummary";

		public static final String EVIDENCE_COLLECTED = "evidenceCollected";

		public static final String WITNESS_NAME = "witnessName";

		public static final String ANALYSIS_FINDINGS = "analysisFindings";

		public static final String DATA_LEAKED = "dataLeaked";

		public static final String EVIDENCE_SUBMITTED_TO = "evidenceSubmittedTo";

		public static final String ROOT_CAUSE = "rootCause";

		public static final String RISKS = "risks";

		public static final String COUNTERMEASURES = "countermeasures";

		public static final String DEBRIEF_HELD_ON = "debriefHeldOn";

		public static final String DEBRIEF_ATTENDEES = "debriefAttendees";

		public static final String MEDIA_SUPPORT_PROVIDED = "mediaSupportProvided";

		public static final String MEDIA_NOTES = "mediaNotes";

		public static final String SENSOR_LOCATION = "sensorLocation";

		public static final String ALERTS_DETECTED = "alertsDetected";

		public static final String MONITORING_SUMMARY = "monitoringSummary";

		public static final String RECOVERY_SUMMARY = "recoverySummary";

		public static final String HARDENING_SUMMARY = "hardeningSummary";

		public static final String TRAINING_SUMMARY = "trainingSummary";


		private Variables() {
		}

	}

}
