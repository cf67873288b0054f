// The libraries a team would otherwise reach for, loaded the way their docs
// say (natural by deep import: its root pulls in databases and prints banners).
// Each peer is wrapped as text -> number so every suite calls them the same way.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export type TextScorer = (text: string) => number;

function loadSentiment(): TextScorer {
  const Sentiment = require('sentiment');
  const analyzer = new Sentiment();
  return (text) => analyzer.analyze(text).comparative as number;
}

function loadVader(): TextScorer {
  const { SentimentIntensityAnalyzer } = require('vader-sentiment');
  return (text) => SentimentIntensityAnalyzer.polarity_scores(text).compound as number;
}

function loadNatural(): TextScorer {
  const SentimentAnalyzer = require('natural/lib/natural/sentiment/SentimentAnalyzer.js');
  const PorterStemmer = require('natural/lib/natural/stemmers/porter_stemmer.js');
  const { WordTokenizer } = require('natural/lib/natural/tokenizers/regexp_tokenizer.js');
  const analyzer = new SentimentAnalyzer('English', PorterStemmer, 'afinn');
  const tokenizer = new WordTokenizer();
  return (text) => analyzer.getSentiment(tokenizer.tokenize(text)) as number;
}

function loadWink(): TextScorer {
  const winkNLP = require('wink-nlp');
  const model = require('wink-eng-lite-web-model');
  const nlp = winkNLP(model);
  const its = nlp.its;
  return (text) => nlp.readDoc(text).out(its.sentiment) as number;
}

export const PEERS: ReadonlyArray<readonly [string, () => TextScorer]> = [
  ['sentiment', loadSentiment],
  ['vader-sentiment', loadVader],
  ['natural SentimentAnalyzer', loadNatural],
  ['wink-nlp', loadWink],
];

/** Peers that load on this machine; a missing dev dependency skips its row instead of failing the run. */
export function loadPeers(): Array<[string, TextScorer]> {
  const loaded: Array<[string, TextScorer]> = [];
  for (const [name, load] of PEERS) {
    try {
      loaded.push([name, load()]);
    } catch (error) {
      console.warn(`bench: peer ${name} not available (${(error as Error).message.split('\n')[0]})`);
    }
  }
  return loaded;
}
