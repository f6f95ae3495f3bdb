import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../../../lib/corpus/build.ts';
import { type Entity, EntityTable } from '../../../../lib/vocabulary/entities.ts';
import { normalizeForCompare } from '../../../../lib/corpus/text.ts';
import type { Statement } from '../../../../lib/data/types.ts';

/**
 * Attribution shapes as news writes them, each tested with sentences of that
 * shape written for the test (fictional parties), never copied from a
 * document of the development set.
 */

const TABLE: Entity[] = [
  { id: 'acme', name: 'Acme', role: 'Acme Corp.', side: 'huawei', type: 'organization', aliases: ['Acme', 'Acme Corp'], titles: ['company', 'firm'], publishes: ['Acme Corp'] },
  { id: 'tom-fields', name: 'Tom Fields', role: 'Chairman, Acme', side: 'huawei', type: 'person', pronoun: 'he', aliases: ['Tom Fields', 'Fields'], titles: ['chairman'] },
  {
    id: 'ruritania',
    name: 'Ruritanian government',
    role: 'Government of Ruritania',
    side: 'us-government',
    type: 'organization',
    aliases: ['The Ruritanian government', 'the Ruritanian government', 'Ruritania', 'Ruritanian Trade Department', 'The R.'],
  },
];

function build(text: string, publisher = 'Daily Example'): { statements: Statement[]; warnings: string[]; discovered: string[] } {
  const r = buildCorpus([{ meta: { file: 'x.txt', title: null, publisher, url: null, date: null, author: null }, text }], [], new EntityTable(TABLE));
  return { statements: r.statements, warnings: r.warnings, discovered: r.discovered.map((d) => `${d.entity.name} (${d.rule}, line ${d.line}, ${d.entity.side})`) };
}

function of(statements: Statement[], fragment: string): Statement {
  const f = normalizeForCompare(fragment);
  const found = statements.filter((s) => normalizeForCompare(s.text).includes(f));
  if (found.length !== 1) throw new Error(`expected one statement containing "${fragment}", found ${found.length}: ${statements.map((s) => s.text).join(' | ')}`);
  return found[0]!;
}

describe('speakers the table does not know', () => {
  it('an appositive role introduces a provisional speaker; surname and pronoun then resolve to her', () => {
    const r = build(
      'Mara Quill, a spokeswoman for the harbour authority, said: "We have no plans to close the port to anyone."\n\n' +
        'Quill said the inspections would continue through the winter months.\n\n' +
        'She added that the new cranes had arrived from overseas last week.\n',
    );
    expect(r.discovered).toEqual(['Mara Quill (appositive, line 1, unnamed)']);
    expect(of(r.statements, 'We have no plans to close').speaker.name).toBe('Mara Quill');
    expect(of(r.statements, 'inspections would continue').speaker.name).toBe('Mara Quill');
    expect(of(r.statements, 'new cranes had arrived').speaker.name).toBe('Mara Quill');
  });

  it('a title before the name introduces a speaker; the side comes only from a table party in the affiliation', () => {
    const r = build(
      "Ruritania's Trade Minister Olaf Brenner said on Friday that the rules would stay in place for another year.\n\n" +
        'Harbour Commissioner Ilse Vark said the decision was overdue and long expected by shippers.\n',
    );
    expect(r.discovered).toEqual(['Olaf Brenner (title, line 1, us-government)', 'Ilse Vark (title, line 3, unnamed)']);
    expect(of(r.statements, 'rules would stay in place').speaker.name).toBe('Olaf Brenner');
    expect(of(r.statements, 'decision was overdue').speaker.name).toBe('Ilse Vark');
  });

  it('"a <body> spokesperson" speaks for the body; "the spokesperson" later is that body', () => {
    const r = build(
      '"We review every licence on its merits and will keep doing so," a Harbour Authority spokesperson told reporters.\n\n' +
        'The spokesperson added that the review would end before the summer break.\n',
    );
    expect(of(r.statements, 'We review every licence').speaker.name).toBe('Harbour Authority');
    expect(of(r.statements, 'review would end').speaker.name).toBe('Harbour Authority');
  });

  it('a sentence-case headline introduces a speaker; a Title Case one does not make "Vark Applauds Ruling" a name', () => {
    const r = build('Harbour Commissioner Ilse Vark Applauds Ruling On Port Fees\n\n"We welcome the ruling and will apply it at once," Vark said.\n');
    // The tag's surname and the given name before it (the role word left out), never the headline's verb.
    expect(r.discovered).toEqual(['Ilse Vark (tag, line 3, unnamed)']);
    const s2 = build('Harbour Commissioner Ilse Vark welcomes ruling on port fees\n\n"We welcome the ruling and will apply it at once," Vark said.\n');
    expect(of(s2.statements, 'We welcome the ruling').speaker.name).toBe('Ilse Vark');
  });

  it('a misspelt full name of a known person is that person, and the report says so', () => {
    const r = build('Acme chairman Tom Fieldes said the company would appeal the ruling in court.\n\n"We will win this case," Fields said.\n');
    expect(of(r.statements, 'would appeal the ruling').speaker.id).toBe('tom-fields');
    expect(r.discovered).toEqual(['Tom Fields (variant, line 1, huawei)']);
  });
});

describe('tag shapes', () => {
  it('a time between subject and verb: "X on Thursday said"', () => {
    expect(of(build('Tom Fields on Thursday said the plant would reopen in two weeks.\n').statements, 'plant would reopen').speaker.id).toBe('tom-fields');
  });

  it('"the company said", "said the firm", "it said" after the company spoke', () => {
    const r = build(
      'Acme said it would contest the fine before the regional court.\n\n' +
        'The fine ignores the facts of the case and the evidence we filed, the company said.\n\n' +
        'Since then the company has paid every invoice on time and in full, said the firm.\n\n' +
        'The penalty is out of proportion to the alleged breach, it said.\n',
    );
    for (const f of ['ignores the facts', 'paid every invoice', 'out of proportion']) expect(of(r.statements, f).speaker.id, f).toBe('acme');
  });

  it('"the <party> statement read" and "according to X"', () => {
    const r = build(
      '"The order has no basis in law and must be withdrawn at once," the Acme statement read.\n\n' +
        'According to Tom Fields, the order was drafted without any consultation at all.\n',
    );
    expect(of(r.statements, 'no basis in law').speaker.id).toBe('acme');
    expect(of(r.statements, 'drafted without any consultation').speaker.id).toBe('tom-fields');
  });

  it('a split quote: `"...," he said, "..."` gives both halves to him', () => {
    const r = build('Tom Fields spoke to reporters.\n\n"We are ready to talk," he said, "but not at any price."\n');
    expect(of(r.statements, 'We are ready to talk').speaker.id).toBe('tom-fields');
    expect(of(r.statements, 'but not at any price').speaker.id).toBe('tom-fields');
  });

  it('"X replied" and "said X to Y"', () => {
    const r = build('"That is simply not the case here," Fields replied.\n\n"We have nothing to hide from anyone," said Fields to the committee.\n');
    expect(of(r.statements, 'simply not the case').speaker.id).toBe('tom-fields');
    expect(of(r.statements, 'nothing to hide').speaker.id).toBe('tom-fields');
  });

  it('the longest alias wins: "The R. Trade Department" is not "The R."', () => {
    const r = build('The Ruritanian Trade Department said the export rules would be tightened again next year.\n');
    expect(of(r.statements, 'export rules would be tightened').speaker.id).toBe('ruritania');
  });

  it('an unnamed group stays unnamed: "experts in Ruritania say" is not the Ruritanian government', () => {
    const r = build('Some experts in Ruritania say the tariffs could hurt exporters more than importers.\n');
    expect(of(r.statements, 'tariffs could hurt').speaker.side).toBe('unnamed');
  });
});

describe('quotes across paragraphs', () => {
  it('a colon intro, then a quotation left open over paragraphs without marks until its closing mark', () => {
    const r = build(
      'At the annual meeting, Tom Fields said the following:\n\n' +
        '"We have invested in every one of these plants for a decade.\n\n' +
        'Our workers built them and our customers depend on them every day.\n\n' +
        'No ruling will change that commitment."\n\n' +
        'The meeting ended shortly after noon.\n',
    );
    for (const f of ['invested in every one', 'Our workers built them', 'No ruling will change']) {
      const s = of(r.statements, f);
      expect([s.speaker.id, s.kind], f).toEqual(['tom-fields', 'primary']);
    }
    expect(r.statements.some((s) => s.text.includes('meeting ended') && s.speaker.id === 'tom-fields')).toBe(false);
  });

  it('a continuation paragraph opening with a quote mark continues the closing speaker', () => {
    const r = build('"The plant stays open for now," Fields said.\n\n"We will decide on the rest of the sites in the autumn."\n');
    expect(of(r.statements, 'decide on the rest').speaker.id).toBe('tom-fields');
  });
});

describe('interviews', () => {
  it('mixed-case labels: the interviewer’s questions are theirs, even on the company’s own page', () => {
    const r = build(
      'Kim Osei: Thank you for seeing us today. Will the ban hurt your sales abroad?\n\n' +
        'Fields: Not much. Our customers have stayed with us through every ban so far.\n\n' +
        'Kim Osei: And what about the new chip rules from Ruritania?\n\n' +
        'Fields: We have built our own chips for years and we will keep doing so.\n',
      'Acme Corp press office',
    );
    const q = of(r.statements, 'new chip rules');
    expect([q.speaker.name, q.speaker.side, q.kind]).toEqual(['Kim Osei', 'press', 'context']);
    expect(of(r.statements, 'built our own chips').speaker.id).toBe('tom-fields');
    expect(of(r.statements, 'Our customers have stayed').speaker.id).toBe('tom-fields');
  });

  it('"Q:" and "A:": the answers belong to the one party interviewed', () => {
    const r = build(
      'Tom Fields met reporters at the plant.\n\nQ: Is the sanctions list a threat to Acme?\n\nA: It is a burden, not a threat, and we have planned for it.\n\nQ: Will you sell chips abroad?\n\nA: We will sell wherever the law allows us.\n',
    );
    expect(of(r.statements, 'a burden, not a threat').speaker.id).toBe('tom-fields');
  });
});

describe('counterclaims without a word list of the exact sentence', () => {
  it('a party reported opposing or rejecting another’s action is a counterclaim', () => {
    const r = build(
      'Acme has said it firmly rejects the Ruritanian government decision to bar its products.\n\n' +
        'Tom Fields added that the rules pose risks to Ruritania and its own exporters.\n\n' +
        'Acme warned that its own sales would fall this quarter.\n',
    );
    expect(of(r.statements, 'firmly rejects').kind).toBe('counterclaim');
    expect(of(r.statements, 'pose risks to Ruritania').kind).toBe('counterclaim');
    expect(of(r.statements, 'own sales would fall').kind).toBe('context');
  });
});

describe('clauses with speakers of their own', () => {
  it('a concessive join ("..., even though the company has denied ...") gives each side its own speaker', () => {
    const r = build('Acme shipped forty cranes to the harbour last year.\n\nAcme has long faced accusations by rival shippers that its cranes are unsafe, even though the company has repeatedly denied it.\n');
    expect(of(r.statements, 'even though the company has repeatedly denied').speaker.name).toBe('Acme');
    // the accusation is not put in Acme's mouth (it is the writer's narration, not kept without a topic)
    expect(r.statements.filter((s) => s.text.includes('accusations by rival shippers'))).toEqual([]);
  });

  it('a subordinate clause with its own speaker is cut: "X hit back after Y announced ..."', () => {
    const r = build('Acme hit back after the Ruritanian government announced that it would inspect every crane.\n');
    expect(of(r.statements, 'Acme hit back')).toMatchObject({ speaker: { name: 'Acme' }, kind: 'counterclaim' });
    expect(of(r.statements, 'announced that it would inspect').speaker.name).toBe('Ruritanian government');
  });

  it('", but said ..." keeps the subject; a list bullet before "It added" does not hide it', () => {
    const r = build('• Acme slammed the inspections of its cranes.\n• It added that it was willing to talk, but said the fees would only hurt its customers.\n');
    expect(of(r.statements, 'willing to talk').speaker.name).toBe('Acme');
    expect(of(r.statements, 'fees would only hurt')).toMatchObject({ speaker: { name: 'Acme' }, kind: 'counterclaim' });
  });

  it('quoted fragments inside a reported claim: the claim is reported, the fragments are the speaker\u2019s own words', () => {
    const r = build('Trade Minister Olaf Brenner said on Friday that the cranes of Acme "pose a risk to every ship" in the harbour and "must be inspected before the winter" soon.\n');
    expect(of(r.statements, 'said on Friday that the cranes')).toMatchObject({ speaker: { name: 'Olaf Brenner' }, kind: 'counterclaim' });
    expect(r.statements.find((s) => s.text === 'must be inspected before the winter')).toMatchObject({ speaker: { name: 'Olaf Brenner' }, kind: 'primary' });
  });

  it('a name set off after its role ("Acme\u2019s chairman, Tom Fields, said") is the subject', () => {
    const r = build('Acme’s chairman, Tom Fields, said the cranes would ship in May.\n');
    expect(of(r.statements, 'cranes would ship').speaker.name).toBe('Tom Fields');
  });
});

describe('more tag shapes', () => {
  it('a short quote followed by its tag is speech: "We are concerned," Roe, a spokeswoman for the port, said', () => {
    const r = build('“We are concerned,” Mara Quill, a spokeswoman for the port, said on Tuesday.\n');
    expect(of(r.statements, 'We are concerned')).toMatchObject({ speaker: { name: 'Mara Quill' }, kind: 'primary' });
  });

  it('`," said the spokesman, NAME.`: the name after the role is the speaker', () => {
    const r = build('Ruritania said on Monday that the port would stay open.\n\n"We will keep every berth open to all ships," said the spokesman, Tom Fields.\n');
    expect(of(r.statements, 'keep every berth open').speaker.name).toBe('Tom Fields');
  });

  it('a lower-case title before the name: "says secretary of transport Ilse Vark"', () => {
    const r = build('"We need more time to prevent any disruption at the port," says secretary of transport Ilse Vark.\n');
    expect(of(r.statements, 'more time to prevent').speaker.name).toBe('Ilse Vark');
  });

  it('an unnamed spokesperson of a table party, the country dropped, is that party ("a Trade Department spokesman")', () => {
    const r = build('PORTVILLE, Ruritania — A Trade Department spokesman accused Acme of dumping cranes on the market.\n');
    expect(of(r.statements, 'accused Acme of dumping')).toMatchObject({ speaker: { name: 'Ruritanian government' }, kind: 'counterclaim' });
    expect(r.discovered).toEqual(['Ruritanian government (short form, line 1, us-government)']);
  });

  it('the short form stays a new body where the page never names the table party\u2019s country', () => {
    const r = build('A Trade Department spokesman accused Acme of dumping cranes on the market.\n');
    expect(of(r.statements, 'accused Acme of dumping').speaker).toMatchObject({ name: 'Trade Department', side: 'unnamed' });
  });

  it('a transcript label without a space after the colon, answering a "Reporter Q:" turn', () => {
    const r = build('Reporter Q:What will the port do about the new cranes?\n\nAda Brook:This proves once again that the cranes are safe for every harbour.\n');
    expect(of(r.statements, 'This proves once again').speaker.name).toBe('Ada Brook');
    expect(r.statements.filter((s) => s.text.includes('What will the port do')).every((s) => s.speaker.side === 'press')).toBe(true);
  });
});

describe('names and references as news gives them', () => {
  it('an age between commas ("Jane Roe, 61, said") and a misspelt one-word alias ("Feilds") are the person', () => {
    const r = build('Ada Brook, 61, said Monday the harbour would stay open all winter.\n\nSpeaking in Portville, Feilds insisted that the cranes were safe to use.\n');
    expect(of(r.statements, 'harbour would stay open').speaker.name).toBe('Ada Brook');
    expect(of(r.statements, 'cranes were safe').speaker.name).toBe('Tom Fields');
  });

  it('"a <party body> spokesperson ... The spokesperson added" is that party; "officials have labelled" is an unnamed group', () => {
    const r = build(
      'A Ruritanian Trade Department spokesperson said the port would reopen on Monday morning.\n\n' +
        'The spokesperson added that the fees on Acme cranes would stay in place.\n\n' +
        'The report named no company, but harbour officials have labelled Acme a risk to shipping.\n',
    );
    expect(of(r.statements, 'fees on Acme cranes').speaker.name).toBe('Ruritanian government');
    expect(of(r.statements, 'harbour officials have labelled').speaker.side).toBe('unnamed');
  });
});

describe('counterclaims by the shape of the claim', () => {
  it('insisting, pushing back, denying danger, demanding the other side stop: counterclaims', () => {
    const r = build(
      'Tom Fields insisted that the cranes have no back doors of any kind.\n\n' +
        'Tom Fields insisted that sales would grow again next year.\n\n' +
        'Acme said its cranes pose no threat to the security of any harbour.\n\n' +
        'The Ruritanian government urged Acme to stop the shipments at once.\n\n' +
        'Acme said the concept of safety is being abused by its rivals.\n\n' +
        'Acme said it would open a new plant next spring.\n',
    );
    expect(of(r.statements, 'no back doors').kind).toBe('counterclaim');
    // insisting is not itself a dispute: what is insisted on decides
    expect(of(r.statements, 'sales would grow').kind).toBe('context');
    expect(of(r.statements, 'pose no threat').kind).toBe('counterclaim');
    expect(of(r.statements, 'urged Acme to stop').kind).toBe('counterclaim');
    expect(of(r.statements, 'being abused').kind).toBe('counterclaim');
    expect(of(r.statements, 'open a new plant').kind).toBe('context');
  });
});

describe('never a guess', () => {
  it('an untagged quote nobody introduces is dropped and reported with file and line', () => {
    const r = build('The weather was fine.\n\nMarkets rose in the morning and fell later.\n\n"This will end badly for everyone involved in it."\n');
    expect(r.statements.some((s) => s.text.includes('end badly'))).toBe(false);
    expect(r.warnings).toEqual([expect.stringMatching(/^x\.txt:5: quote not attributed, dropped .*"This will end badly/)]);
  });
});

describe('shapes of real pages added with npm run add', () => {
  it('a list after "X also said:" is X\'s points in the writer\'s words, one reported statement a point, not a block quote', () => {
    const r = build(
      'Acme reported a quiet quarter at its plants.\n\nTom Fields also said:\n\n' +
        'Acme will keep its plants open through the whole of the coming year\n\n' +
        'The company has no plans to leave the northern market at all\n\n' +
        'Prices for its routers will not rise before the autumn\n',
    );
    for (const point of ['keep its plants open', 'no plans to leave', 'will not rise']) {
      const s = of(r.statements, point);
      expect([s.speaker.name, s.via]).toEqual(['Tom Fields', 'reported-speech']);
    }
  });

  it('a quote tag names its speaker by surname when the table does not know them ("says Voss" after "Dara Voss")', () => {
    const r = build('Dara Voss has worked at the harbour for thirty years.\n\n"The cranes are old and the port is slow," says Voss, who chairs the dock workers.\n');
    expect(of(r.statements, 'cranes are old').speaker.name).toBe('Dara Voss');
    expect(r.discovered).toEqual(['Dara Voss (tag, line 3, unnamed)']);
  });

  it('", according to the Harbour Authority" after a quotation names the body, not the newspaper', () => {
    const r = build('Ships wait for weeks at the quay.\n\n"Tariffs, weather and strikes" all slowed the port this year, according to the Harbour Authority.\n');
    expect(of(r.statements, 'Tariffs, weather and strikes').speaker.name).toBe('Harbour Authority');
  });

  it('a photo caption between a quote and its continuation breaks no run', () => {
    const r = build(
      '"We will not close the plant," says Fields, the chairman of Acme.\n\nTom Fields at his office in the capital last week\n\n"We have customers who rely on us every single day."\n',
    );
    expect(of(r.statements, 'customers who rely on us').speaker.name).toBe('Tom Fields');
  });

  it('"admitted" and "defended" report speech; a bare quote after a paragraph ending in X\'s reported words is X\'s', () => {
    expect(of(build('Fields admitted that the plant had been slow to adopt the new rules.\n').statements, 'slow to adopt').via).toBe('reported-speech');
    const r = build('Fields defended the decision to keep the northern plant open.\n\n"We have customers who rely on us every single day."\n');
    expect(of(r.statements, 'defended the decision').speaker.name).toBe('Tom Fields');
    expect(of(r.statements, 'customers who rely on us').speaker.name).toBe('Tom Fields');
  });
});

describe('verbs of belief are not speech', () => {
  /** Speakers of the kept statements holding `fragment` (the writer's off-topic narration is not kept at all). */
  const speakersOf = (statements: Statement[], fragment: string) =>
    statements.filter((s) => normalizeForCompare(s.text).includes(normalizeForCompare(fragment))).map((s) => s.speaker.name);

  it('what a government or a group "believes" or "fears" stays the writer\u2019s, and the report says so', () => {
    const r = build(
      'Acme said on Monday that its cranes were safe to use.\n\n' +
        'The Ruritanian government believes that the cranes are a danger to its ports.\n\n' +
        'Harbour officials still fear that Acme cranes could be used to watch the ships.\n',
    );
    expect(speakersOf(r.statements, 'cranes are a danger')).not.toContain('Ruritanian government');
    expect(r.statements.filter((s) => s.text.includes('could be used to watch')).every((s) => s.speaker.side === 'press')).toBe(true);
    expect(r.warnings.some((w) => /x\.txt:3: doubtful, left to Daily Example: "believes" says what Ruritanian government holds/.test(w))).toBe(true);
    expect(r.warnings.some((w) => /x\.txt:5: doubtful, left to Daily Example: "fear"/.test(w))).toBe(true);
  });

  it('a person\u2019s belief after their reported words is a paraphrase of them; before any word of theirs it is not', () => {
    const before = build('Fields expects that the port will reopen in spring.\n\nFields said the cranes were safe to use in any weather.\n');
    expect(speakersOf(before.statements, 'port will reopen')).not.toContain('Tom Fields');
    const after = build('Fields said the cranes were safe to use in any weather.\n\nFields expects that the port will reopen in spring.\n');
    expect(speakersOf(after.statements, 'port will reopen')).toEqual(['Tom Fields']);
  });

  it('"is expected to" is a passive, not a belief of the subject', () => {
    const r = build('Acme said on Monday that its cranes were safe to use.\n\nAcme is expected to open a second plant near the port next year.\n');
    expect(speakersOf(r.statements, 'second plant')).not.toContain('Acme');
    expect(r.warnings.filter((w) => w.includes('doubtful'))).toEqual([]);
  });
});
