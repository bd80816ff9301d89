package org.branchlink.gateway.reporting;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.metrics.ReportPeriod;
import org.branchlink.site.SiteDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reporting upward into a culture cloud's SFTP drop, played by an in-process SFTP server (Apache MINA SSHD, the true
 * outside boundary): the report lands whole under its period's name (written under a temporary name, then renamed),
 * a report sent again replaces it, a drop that is down is owed again and gets the report once it is back, and a server
 * whose key is not the known one gets nothing.
 */
class ReportDropTests extends IntegrationTest {

	@Autowired
	ReportSubmissions submissions;

	@Autowired
	SiteDirectory sites;

	@TempDir
	Path dir;

	private final KeyPair hostKey = key();

	private SshServer cloud;

	private int port;

	@BeforeEach
	void startTheDrop() throws IOException {
		Files.createDirectories(dir.resolve("root"));
		start(0);
	}

	@AfterEach
	void stopTheDrop() throws IOException {
		cloud.stop(true);
	}

	private void start(int onPort) throws IOException {
		cloud = SshServer.setUpDefaultServer();
		cloud.setHost("127.0.0.1");
		cloud.setPort(onPort);
		cloud.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
		cloud.setPasswordAuthenticator((user, password, session) -> "county".equals(user) && "s3cret)".equals(password));
		cloud.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
		cloud.setFileSystemFactory(new VirtualFileSystemFactory(dir.resolve("root")));
		cloud.start();
		port = cloud.getPort();
	}

	private ReportingProperties.Target target(String id, KeyPair known) throws IOException {
		Path knownHosts = dir.resolve(id + "-known_hosts");
		Files.writeString(knownHosts, "[127.0.0.1]:" + port + " " + PublicKeyEntry.toString(known.getPublic()) + "\n");
		return new ReportingProperties.Target(id, "市文化云投递", URI.create("sftp://127.0.0.1:" + port + "/incoming"),
				ReportingProperties.Format.XLSX, Set.of("monthly"), 100, null, "county", "s3cret)", knownHosts);
	}

	@Test
	void theReportLandsWholeUnderItsPeriodsNameAndASecondSendingReplacesIt() throws Exception {
		ReportingProperties.Target target = target("drop-a", hostKey);
		ReportPeriod month = ReportPeriod.monthOf(submissions.today()).previous();

		ReportSubmissions.Submission done = submissions.submit(target, month, "admin");

		assertThat(done.accepted()).as(done.reason()).isTrue();
		String name = ReportSubmissions.fileName(sites.require().federation().id(), target, month);
		Path file = dir.resolve("root/incoming").resolve(name);
		assertThat(files()).containsExactly(name);
		try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo(month.code());
			assertThat(workbook.getSheet("events")).isNotNull();
			assertThat(workbook.getSheet("menu")).isNotNull();
			assertThat(workbook.getSheet("narrative")).isNotNull();
			assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("township");
		}
		assertThat(submissions.due(target, submissions.today())).doesNotContain(month);

		// sent again (a staff member's "send now"): the same file, replaced, not a second report
		assertThat(submissions.submit(target, month, "admin").accepted()).isTrue();
		assertThat(files()).containsExactly(name);
	}

	@Test
	void aDropThatIsDownIsOwedAgainAndGetsTheReportOnceItIsBack() throws Exception {
		ReportingProperties.Target target = target("drop-b", hostKey);
		ReportPeriod month = ReportPeriod.monthOf(submissions.today()).previous();
		cloud.stop(true);

		ReportSubmissions.Submission failed = submissions.submit(target, month, "admin");

		assertThat(failed.accepted()).isFalse();
		assertThat(failed.reason()).isNotBlank();
		assertThat(submissions.due(target, submissions.today())).contains(month);

		start(port);
		assertThat(submissions.submitDue(List.of(target), submissions.today(), "job"))
			.extracting(ReportSubmissions.Submission::accepted).containsExactly(true);
		assertThat(files()).containsExactly(ReportSubmissions.fileName(sites.require().federation().id(), target, month));
		assertThat(submissions.submitDue(List.of(target), submissions.today(), "job")).isEmpty();
	}

	@Test
	void aServerWhoseKeyIsNotTheKnownOneGetsNothing() throws Exception {
		ReportingProperties.Target target = target("drop-c", key());

		ReportSubmissions.Submission refused = submissions.submit(target, ReportPeriod.monthOf(submissions.today()).previous(),
				"admin");

		assertThat(refused.accepted()).isFalse();
		assertThat(refused.reason()).containsIgnoringCase("hostkey");
		assertThat(files()).isEmpty();
		assertThatThrownBy(() -> new ReportingProperties.Target("drop-d", null, URI.create("sftp://127.0.0.1/in"),
				ReportingProperties.Format.JSON, Set.of("monthly"), 10, null, "county", "x", null))
			.hasMessageContaining("known-hosts");
	}

	private List<String> files() throws IOException {
		Path folder = dir.resolve("root/incoming");
		if (Files.notExists(folder)) {
			return List.of();
		}
		try (Stream<Path> list = Files.list(folder)) {
			return list.map(p -> p.getFileName().toString()).toList();
		}
	}

	private static KeyPair key() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(256);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
