package org.branchlink.gateway.survey;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.platform.CsvExport;
import org.branchlink.gateway.platform.InvalidRequestException;
import org.branchlink.gateway.platform.TextLimits;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.ObjectMapper;

/**
 * Satisfaction surveys (seed 000, DOMAIN §3.5 and §4.6): a questionnaire of 5-point scales (0 = 不清楚, don't know)
 * and free text; a sample of at least {@value #MIN_SAMPLE} readers stratified by the township of their home site,
 * drawn reproducibly from a seed ({@link StratifiedSample}); one response per invitation (its token), kept with the
 * township and never the reader; results with the satisfaction rate (4 or 5 on the overall question, among those who
 * gave a score) and its 95 % margin of error, per township with cells under {@value #MIN_CELL} marked insufficient;
 * CSV export of the responses.
 */
@Service
public class Surveys {

	static final int MIN_SAMPLE = 500;

	static final int MIN_CELL = 30;

	/** A question: {@code scale} (1-5, 0 don't know) or {@code text}; {@code overall} marks the satisfaction one. */
	public record Question(String id, String kind, String text, boolean overall) {
	}

	/** A survey to open: its questions and the sample to draw. */
	public record SurveyRequest(String title, List<Question> questions, Integer sampleSize, Long seed) {
	}

	/** A drawn survey: its id and how its sample falls over the townships. */
	public record Drawn(long id, int sampleSize, long seed, Map<String, Integer> perTownship) {
	}

	/** One cell of the results: responses, satisfied, the rate and its margin, whether the cell is large enough. */
	public record Cell(String township, int invited, int responses, int scored, int satisfied, Double rate,
			Double marginOfError, boolean sufficient) {
	}

	/** A survey's results: the county's rate and each township's, with sample and margin. */
	public record Results(long surveyId, String title, Cell overall, List<Cell> townships,
			Map<String, Double> meanByQuestion) {
	}

	private final JdbcClient jdbc;

	private final SiteDirectory sites;

	private final ObjectMapper json;

	private final SecureRandom random = new SecureRandom();

	Surveys(JdbcClient jdbc, SiteDirectory sites, ObjectMapper json) {
		this.jdbc = jdbc;
		this.sites = sites;
		this.json = json;
	}

	/** Creates a survey and draws its sample from the readers, stratified by township; one invitation each. */
	@Transactional
	public Drawn create(SurveyRequest request, String by) {
		if (request.title() == null || request.title().isBlank()) {
			throw new IllegalArgumentException("a survey needs a title");
		}
		List<Question> questions = request.questions() == null ? List.of() : request.questions();
		if (questions.stream().filter(Question::overall).count() != 1
				|| !questions.stream().filter(Question::overall).findFirst().orElseThrow().kind().equals("scale")) {
			throw new IllegalArgumentException("a survey needs exactly one overall satisfaction question of kind scale");
		}
		for (Question question : questions) {
			if (!question.kind().equals("scale") && !question.kind().equals("text")) {
				throw new IllegalArgumentException("question " + question.id() + ": kind is scale or text");
			}
		}
		int n = request.sampleSize() == null ? MIN_SAMPLE : request.sampleSize();
		if (n < MIN_SAMPLE) {
			throw new IllegalArgumentException("seed 000 asks a random sample of at least " + MIN_SAMPLE + ", not " + n);
		}
		long seed = request.seed() == null ? random.nextLong() : request.seed();
		List<StratifiedSample.Member> frame = frame();
		if (frame.size() < n) {
			throw new InvalidRequestException("sample-too-large", frame.size(), n);
		}
		List<StratifiedSample.Member> sample = StratifiedSample.draw(frame, n, seed);
		long id = jdbc.sql("""
				insert into survey (title, questions, sample_size, seed, created_by)
				values (:title, :questions::jsonb, :n, :seed, :by) returning id""")
			.param("title", request.title().strip()).param("questions", json.writeValueAsString(questions))
			.param("n", n).param("seed", seed).param("by", by)
			.query(Long.class).single();
		Map<String, Integer> perTownship = new TreeMap<>();
		for (StratifiedSample.Member member : sample) {
			byte[] token = new byte[16];
			random.nextBytes(token);
			jdbc.sql("""
					insert into survey_invitation (survey_id, token, reader_id, township)
					values (:survey, :token, :reader, :township)""")
				.param("survey", id).param("token", HexFormat.of().formatHex(token))
				.param("reader", member.id()).param("township", member.stratum())
				.update();
			perTownship.merge(member.stratum(), 1, Integer::sum);
		}
		return new Drawn(id, n, seed, perTownship);
	}

	/** The sampling frame: every reader, with the township of their home site (the site itself above townships). */
	List<StratifiedSample.Member> frame() {
		Map<String, Site> byId = sites.byId();
		return jdbc.sql("select id, home_site from reader order by id")
			.query((rs, n) -> new StratifiedSample.Member(rs.getLong(1), township(byId, rs.getString(2))))
			.list();
	}

	private String township(Map<String, Site> byId, String siteId) {
		return sites.require().townshipOf(siteId).map(Site::id).orElse(byId.containsKey(siteId) ? siteId : "unknown");
	}

	/** The county's standard questionnaire (公众评价测评表, shortened): overall satisfaction, four aspects, open needs. */
	public static final List<Question> STANDARD = List.of(
			new Question("overall", "scale", "您对本地公共文化服务的总体满意度 Overall satisfaction", true),
			new Question("facilities", "scale", "场馆设施 Facilities", false),
			new Question("hours", "scale", "开放时间 Opening hours", false),
			new Question("events", "scale", "文化活动 Events", false),
			new Question("books", "scale", "图书借阅 Lending", false),
			new Question("needs", "text", "您还希望增加哪些服务？What else would you like?", false));

	/** Surveys, newest first: id, title, sample size, responses. */
	public List<Object[]> list() {
		return jdbc.sql("""
				select s.id, s.title, s.sample_size, (select count(*) from survey_response r where r.survey_id = s.id)
				from survey s order by s.id desc limit 100""")
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4) })
			.list();
	}

	/** The invitation tokens of a survey, for sending (by SMS, letter or an interviewer's list). */
	public List<String> tokens(long surveyId) {
		return jdbc.sql("select token from survey_invitation where survey_id = :id order by id")
			.param("id", surveyId).query(String.class).list();
	}

	/** Records the answers of one invitation; a second response to it is refused (409). */
	@Transactional
	public void respond(String token, Map<String, Object> answers) {
		var invitation = jdbc.sql("select id, survey_id, township from survey_invitation where token = :token")
			.param("token", token == null ? "" : token)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getString(3) })
			.optional()
			.orElseThrow(() -> new NotFoundException("survey invitation", "(token)"));
		List<Question> questions = questions((Long) invitation[1]);
		Map<String, Object> clean = new LinkedHashMap<>();
		for (Question question : questions) {
			Object answer = answers.get(question.id());
			if (answer == null) {
				continue;
			}
			if (question.kind().equals("scale")) {
				int score = answer instanceof Number number ? number.intValue() : Integer.parseInt(answer.toString());
				if (score < 0 || score > 5) {
					throw new IllegalArgumentException(question.id() + ": a score is 1 to 5, or 0 for don't know");
				}
				clean.put(question.id(), score);
			}
			else {
				clean.put(question.id(), TextLimits.require(question.id(), answer.toString().strip(), TextLimits.MESSAGE));
			}
		}
		try {
			jdbc.sql("""
					insert into survey_response (survey_id, invitation_id, township, answers)
					values (:survey, :invitation, :township, :answers::jsonb)""")
				.param("survey", invitation[1]).param("invitation", invitation[0]).param("township", invitation[2])
				.param("answers", json.writeValueAsString(clean))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("invitation-answered");
		}
	}

	/**
	 * An invitation as its link opens it.
	 *
	 * @param surveyId the survey it invites to
	 * @param answered whether it was already answered (a second response is refused)
	 */
	public record Invitation(long surveyId, boolean answered) {
	}

	/** The invitation of a token; empty for a token no survey issued. */
	public Optional<Invitation> invitation(String token) {
		return jdbc.sql("""
				select i.survey_id, exists (select 1 from survey_response r where r.invitation_id = i.id)
				from survey_invitation i where i.token = :token""")
			.param("token", token == null ? "" : token.strip())
			.query((rs, n) -> new Invitation(rs.getLong(1), rs.getBoolean(2)))
			.optional();
	}

	/** A survey's questions, for the questionnaire page. */
	public List<Question> questionsOf(long surveyId) {
		return questions(surveyId);
	}

	private List<Question> questions(long surveyId) {
		String text = jdbc.sql("select questions::text from survey where id = :id").param("id", surveyId)
			.query(String.class).optional().orElseThrow(() -> new NotFoundException("survey", String.valueOf(surveyId)));
		return List.of(json.readValue(text, Question[].class));
	}

	public Results results(long surveyId) {
		List<Question> questions = questions(surveyId);
		String overall = questions.stream().filter(Question::overall).findFirst().orElseThrow().id();
		String title = jdbc.sql("select title from survey where id = :id").param("id", surveyId).query(String.class).single();
		Map<String, Integer> invited = new TreeMap<>();
		jdbc.sql("select township, count(*) from survey_invitation where survey_id = :id group by township")
			.param("id", surveyId).query((rs, n) -> invited.put(rs.getString(1), rs.getInt(2))).list();
		Map<String, int[]> counts = new TreeMap<>();
		Map<String, double[]> sums = new LinkedHashMap<>();
		for (var row : jdbc.sql("select township, answers::text from survey_response where survey_id = :id")
			.param("id", surveyId).query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).list()) {
			Map<?, ?> answers = json.readValue(row[1], Map.class);
			int[] c = counts.computeIfAbsent(row[0], t -> new int[3]);
			c[0]++;
			if (answers.get(overall) instanceof Number score && score.intValue() > 0) {
				c[1]++;
				if (score.intValue() >= 4) {
					c[2]++;
				}
			}
			for (Question question : questions) {
				if (question.kind().equals("scale") && answers.get(question.id()) instanceof Number score && score.intValue() > 0) {
					double[] s = sums.computeIfAbsent(question.id(), q -> new double[2]);
					s[0] += score.intValue();
					s[1]++;
				}
			}
		}
		List<Cell> cells = new ArrayList<>();
		int[] all = new int[3];
		int allInvited = 0;
		for (Map.Entry<String, Integer> township : invited.entrySet()) {
			int[] c = counts.getOrDefault(township.getKey(), new int[3]);
			cells.add(cell(township.getKey(), township.getValue(), c));
			for (int i = 0; i < 3; i++) {
				all[i] += c[i];
			}
			allInvited += township.getValue();
		}
		Map<String, Double> means = new LinkedHashMap<>();
		sums.forEach((question, s) -> means.put(question, Math.round(s[0] / s[1] * 100) / 100.0));
		return new Results(surveyId, title, cell("all", allInvited, all), cells, means);
	}

	private static Cell cell(String township, int invited, int[] c) {
		Double rate = c[1] == 0 ? null : (double) c[2] / c[1];
		Double moe = rate == null ? null : StratifiedSample.marginOfError(rate, c[1]);
		return new Cell(township, invited, c[0], c[1], c[2], rate == null ? null : Math.round(rate * 10000) / 10000.0,
				moe == null ? null : Math.round(moe * 10000) / 10000.0, c[1] >= MIN_CELL);
	}

	/** The responses as CSV: township, then one column per question (no reader, no invitation). */
	public String csv(long surveyId) {
		List<Question> questions = questions(surveyId);
		List<String> header = new ArrayList<>(List.of("township"));
		questions.forEach(q -> header.add(q.id()));
		List<List<String>> rows = new ArrayList<>();
		for (var row : jdbc.sql("select township, answers::text from survey_response where survey_id = :id order by id")
			.param("id", surveyId).query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).list()) {
			Map<?, ?> answers = json.readValue(row[1], Map.class);
			List<String> cells = new ArrayList<>(List.of(row[0]));
			for (Question question : questions) {
				Object value = answers.get(question.id());
				cells.add(value == null ? "" : value.toString());
			}
			rows.add(cells);
		}
		return CsvExport.of(header, rows);
	}

}
