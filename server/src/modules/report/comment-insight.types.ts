import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { CommentArea } from '@ksp/shared/insight/comment-areas';
import { CommentAreaEnum } from '../../graphql/enums.js';
import { Needs } from '../../access/grant.js';

// What the comments say: words and sentiment of the observers' comments. Made of comment text,
// so the own report only (every type here needs OWN): a competitor never gets them.

export const WordDirectionEnum = { MORE: 'MORE', LESS: 'LESS' } as const;
registerEnumType(WordDirectionEnum, {
  name: 'WordDirection',
  description: 'MORE: the participant uses the word more than the rest of its class; LESS: less.',
});

@Needs('OWN')
@ObjectType('CommentWord', {
  description:
    "A word that sets the participant's comments of an area apart from its class's: the weighted log-odds with an informative " +
    'Dirichlet prior (Monroe et al. 2008) of PostgreSQL Norwegian lexemes, stop words dropped (docs/insight-comments.md).',
})
export class CommentWordType {
  @Field(() => CommentAreaEnum, { description: 'The area whose comments the word is of.' }) area!: CommentArea;
  @Field(() => String, {
    description:
      'The word as most often written (the own comments first, else the class’s): give it to `responses(search:)` to find its uses.',
  })
  word!: string;
  @Field(() => String, { description: 'The Norwegian lexeme (stem) counted: every inflection of the word counts as one.' }) term!: string;
  @Field(() => WordDirectionEnum) direction!: 'MORE' | 'LESS';
  @Field(() => Float, { description: 'The log-odds over its standard error: beyond ±1,96 a difference unlikely by chance.' })
  zScore!: number;
  @Field(() => Float, { description: 'The log-odds ratio, the participant over the rest of its class, prior included.' }) logOdds!: number;
  @Field(() => Int, { description: 'Uses in the participant’s comments of the area.' }) ownCount!: number;
  @Field(() => Int, { description: 'Uses in the comments of the area by the other members of the class.' }) classCount!: number;
}

@Needs('OWN')
@ObjectType('AreaSentiment', {
  description:
    'The sentiment of the comments of an area: the mean of each comment’s reading from a Norwegian word list (−5 to 5, negation handled).',
})
export class AreaSentimentType {
  @Field(() => CommentAreaEnum) area!: CommentArea;
  @Field(() => Float, {
    nullable: true,
    description: 'Mean reading of the participant’s comments; null when none holds a word of the list.',
  })
  mean!: number | null;
  @Field(() => Int, { description: 'Comments with a reading.' }) comments!: number;
  @Field(() => Float, { nullable: true, description: 'The mean of the class members’ means.' }) classMean!: number | null;
}

@Needs('OWN')
@ObjectType('CommentSentiments', { description: 'The sentiment reading of each of a response’s comments (−5 to 5); null without one.' })
export class CommentSentimentsType {
  @Field(() => Float, { nullable: true }) reception!: number | null;
  @Field(() => Float, { nullable: true }) agent!: number | null;
  @Field(() => Float, { nullable: true }) overall!: number | null;
}
