package org.hikeshi.manager;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.hikeshi.incident.IncidentProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The managers' tools in headless Chromium, as a manager uses them: log in, open the incident-response diagram,
 * rename a task, see the validator's problem on a script task, deploy the new version with a note, find incidents
 * running on it and migrate the older incidents; then read the dispatch SLA compliance of a seeded month.
 * <p>
 * The context is thrown away afterwards: the new process version must not reach the other tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ManagerToolsBrowserTests {

	private static final String RENAMED = "NDAを締結する (改訂版)";

	private static Chromium chromium;

	@LocalServerPort
	private int port;

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private RepositoryService repository;

	@Autowired
	private RuntimeService runtime;

	@Autowired
	private JdbcClient jdbc;

	@AfterEach
	void logOut() {
		if (chromium != null) {
			List<String> errors = chromium.consoleErrors();
			chromium.reset();
			assertThat(errors).as("script errors or CSP violations in the console").isEmpty();
		}
		new ManagerFixtures(this.jdbc).delete();
	}

	@AfterAll
	static void stopChromium() throws Exception {
		if (chromium != null) {
			chromium.close();
			chromium = null;
		}
	}

	/** Started by the first test: without Chromium or its driver, that fails with what to install. */
	private Chromium browser() {
		if (chromium == null) {
			chromium = Chromium.start(this.port);
		}
		return chromium;
	}

	@Test
	void shouldEditValidateDeployAndMigrateTheIncidentProcessInTheBrowser() {
		ProcessDefinition before = latest();
		String olderIncident = reportIncident();
		Chromium browser = browser();

		browser.open("/modeler");
		assertThat(browser.currentPath()).as("anonymous users log in first").startsWith("/manager/login");
		browser.logIn("manager");
		browser.await(By.cssSelector("body[data-loaded='true']"));
		assertThat(browser.currentPath()).startsWith("/modeler");

		browser.await(By.cssSelector("[data-open='" + IncidentProcess.PROCESS_KEY + "']")).click();
		browser.await(By.cssSelector("body[data-opened='" + before.getId() + "']"));
		browser.awaitText(By.id("validation-status"), "問題はありません");
		browser.screenshot("modeler");

		rename(browser, IncidentProcess.Elements.TASK_CONCLUDE_NDA, RENAMED);
		browser.awaitText(By.id("validation-status"), "問題はありません");

		replaceWithScriptTask(browser, IncidentProcess.Elements.TASK_HOLD_DEBRIEF);
		WebElement marker = browser
			.await(By.cssSelector(".hikeshi-problem[data-problem-for='" + IncidentProcess.Elements.TASK_HOLD_DEBRIEF + "']"));
		assertThat(marker.getText()).startsWith("⚠");
		WebElement problem = browser.await(By.cssSelector("#problems li[data-element='"
				+ IncidentProcess.Elements.TASK_HOLD_DEBRIEF + "']"));
		assertThat(problem.getText()).contains("script task");
		problem.click();
		browser.screenshot("modeler-script-task-problem");

		browser.driver.findElement(By.id("open-deploy")).click();
		browser.await(By.id("note")).sendKeys("スクリプトタスクを試す");
		browser.driver.findElement(By.id("deploy")).click();
		assertThat(browser.await(By.id("deploy-refused")).getText()).contains("デプロイは拒否されました");
		assertThat(latest().getVersion()).as("a refused deployment leaves nothing").isEqualTo(before.getVersion());

		browser.driver.findElement(By.id("undo")).click();
		browser.awaitAbsent(By.cssSelector(".hikeshi-problem"));
		browser.driver.findElement(By.cssSelector("[data-tab='problems']")).click();
		browser.awaitText(By.id("validation-status"), "問題はありません");

		browser.driver.findElement(By.id("open-deploy")).click();
		WebElement note = browser.driver.findElement(By.id("note"));
		note.clear();
		note.sendKeys("NDA締結タスクの名前を改訂");
		browser.driver.findElement(By.id("deploy")).click();
		browser.awaitText(By.id("deployed"), "バージョン " + (before.getVersion() + 1) + " をデプロイしました");

		ProcessDefinition after = latest();
		assertThat(after.getVersion()).isEqualTo(before.getVersion() + 1);
		assertThat(this.repository.getBpmnModelInstance(after.getId())
			.getModelElementById(IncidentProcess.Elements.TASK_CONCLUDE_NDA)
			.getAttributeValue("name")).isEqualTo(RENAMED);
		assertThat(this.repository.getDeploymentResources(after.getDeploymentId())).extracting(Resource::getName)
			.as("the forms bound to the deployment go with the process")
			.anyMatch(name -> name.endsWith("/conclude-nda.form") || name.equals("conclude-nda.form"))
			.anyMatch(name -> name.endsWith(IncidentProcess.RESOURCE))
			.noneMatch(name -> name.endsWith(".dmn"));
		assertThat(this.jdbc.sql("SELECT deployed_by || ': ' || note FROM deployment_note WHERE deployment_id = ?")
			.param(after.getDeploymentId())
			.query(String.class)
			.single()).isEqualTo("manager: NDA締結タスクの名前を改訂");

		String newIncident = reportIncident();
		assertThat(definitionOf(newIncident)).as("new incidents run on the new version").isEqualTo(after.getId());
		browser.driver.findElement(By.cssSelector("[data-tab='running']")).click();
		browser.driver.navigate().refresh();
		browser.await(By.cssSelector("[data-open='" + IncidentProcess.PROCESS_KEY + "']")).click();
		browser.await(By.cssSelector("body[data-opened='" + after.getId() + "']"));
		browser.driver.findElement(By.cssSelector("[data-tab='running']")).click();
		WebElement newRow = browser.await(By.cssSelector("tr[data-instance='" + newIncident + "']"));
		assertThat(newRow.findElements(By.tagName("td")).get(2).getText()).isEqualTo(String.valueOf(after.getVersion()));
		WebElement oldRow = browser.await(By.cssSelector("tr[data-instance='" + olderIncident + "']"));
		assertThat(oldRow.findElements(By.tagName("td")).get(2).getText()).isEqualTo(String.valueOf(before.getVersion()));

		new Select(browser.driver.findElement(By.id("migrate-from"))).selectByValue(before.getId());
		new Select(browser.driver.findElement(By.id("migrate-to"))).selectByValue(after.getId());
		long onOldVersion = this.runtime.createProcessInstanceQuery().processDefinitionId(before.getId()).count();
		assertThat(onOldVersion).isPositive();
		browser.driver.findElement(By.id("migration-preview")).click();
		browser.awaitText(By.id("migration-summary"), onOldVersion + "件中 " + onOldVersion + "件を移行できます");
		assertThat(definitionOf(olderIncident)).as("a preview changes nothing").isEqualTo(before.getId());
		browser.screenshot("modeler-migration-preview");
		browser.driver.findElement(By.id("migration-execute")).click();
		browser.awaitText(By.id("migration-done"), onOldVersion + "件中 " + onOldVersion + "件を移行しました");
		assertThat(definitionOf(olderIncident)).isEqualTo(after.getId());
		assertThat(this.runtime.createProcessInstanceQuery().processDefinitionId(before.getId()).count()).isZero();
	}

	@Test
	void shouldShowTheDispatchComplianceOfASeededMonth() {
		List<String> breaches = new ManagerFixtures(this.jdbc).october();
		Chromium browser = browser();

		browser.open("/dashboard?from=2026-10-01&to=2026-10-31");
		browser.logIn("manager");
		browser.await(By.cssSelector("body[data-loaded='true']"));

		assertThat(browser.await(By.id("sla-compliance")).getText()).isEqualTo("60.0%");
		assertThat(browser.driver.findElement(By.id("sla-detail")).getText()).contains("判定済み 5件中 3件が期限内");
		String breachTable = browser.driver.findElement(By.id("breaches")).getText();
		assertThat(breachTable).contains(breaches).doesNotContain("IR-2026-9002", "IR-2026-9008");
		assertThat(browser.driver.findElement(By.id("csv")).getAttribute("href"))
			.endsWith("/dashboard/api/incidents.csv?from=2026-10-01&to=2026-10-31");
		browser.screenshot("dashboard");

		browser.driver.findElement(By.cssSelector(".lang button[data-lang='en']")).click();
		browser.awaitText(By.id("sla-detail"), "3 of 5 decided in time");
		browser.driver.findElement(By.cssSelector(".lang button[data-lang='ja']")).click();
	}

	@Test
	void shouldOpenTheDecisionAndAFormInTheirEditors() {
		Chromium browser = browser();
		browser.open("/modeler");
		browser.logIn("manager");
		browser.await(By.cssSelector("body[data-loaded='true']"));

		browser.await(By.cssSelector("[data-open='pricing-proposal']")).click();
		browser.await(By.cssSelector("#canvas .dmn-drd-container, #canvas .tjs-container"));
		browser.awaitText(By.id("validation-status"), "問題はありません");

		WebElement form = browser.all(By.cssSelector("#list-form [data-open]"))
			.stream()
			.filter(name -> name.getText().equals("conclude-nda.form"))
			.findFirst()
			.orElseThrow();
		form.click();
		browser.await(By.cssSelector("#canvas .fjs-editor-container"));
		browser.awaitText(By.id("validation-status"), "問題はありません");
		assertThat(browser.driver.findElement(By.id("canvas")).getText()).contains("NDA");
		browser.screenshot("modeler-form");
	}

	private static void rename(Chromium browser, String elementId, String name) {
		browser.await(By.cssSelector("g.djs-element[data-element-id='" + elementId + "']")).click();
		if (browser.all(By.id("bio-properties-panel-name")).stream().noneMatch(WebElement::isDisplayed)) {
			browser.await(By.cssSelector("[data-group-id='group-general'] .bio-properties-panel-group-header")).click();
		}
		WebElement field = browser.await(By.id("bio-properties-panel-name"));
		field.sendKeys(Keys.chord(Keys.CONTROL, "a"), name, Keys.TAB);
	}

	private static void replaceWithScriptTask(Chromium browser, String elementId) {
		browser.await(By.cssSelector("g.djs-element[data-element-id='" + elementId + "']")).click();
		browser.await(By.cssSelector(".djs-context-pad .entry[data-action='replace']")).click();
		browser.await(By.cssSelector(".djs-popup [data-id='replace-with-script-task']")).click();
	}

	private ProcessDefinition latest() {
		return this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(IncidentProcess.PROCESS_KEY)
			.latestVersion()
			.singleResult();
	}

	private String definitionOf(String processInstanceId) {
		return this.runtime.createProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.singleResult()
			.getProcessDefinitionId();
	}

	/** An incident reported through the API, as a coordinator does; its process instance id. */
	private String reportIncident() {
		ResponseEntity<JsonNode> created = this.rest.withBasicAuth("coordinator", "coordinator")
			.postForEntity("/api/incidents", Map.ofEntries(Map.entry("organization", "株式会社サンプル商事"),
					Map.entry("clientType", "CORPORATION"), Map.entry("contactName", "山田 太郎"),
					Map.entry("email", "yamada@example.co.jp"), Map.entry("phone", "03-1234-5678"),
					Map.entry("prefecture", "Osaka"), Map.entry("discoveredAt", "2026-11-22T09:00:00+09:00"),
					Map.entry("incidentTypes", List.of("RANSOMWARE")), Map.entry("dataCategories", List.of("GENERAL_PERSONAL")),
					Map.entry("discoveryNarrative", "ファイルが開けない"), Map.entry("insiderSuspected", false),
					Map.entry("language", "ja")), JsonNode.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		return created.getBody().get("processInstanceId").asText();
	}

}
